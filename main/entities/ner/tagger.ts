// First-order Viterbi decoding over IOB2 tags with hashed feature weights.
import type { SentenceFeatures } from './features';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];
export const NUM_TAGS = 9; // TAGS.length, a literal so the hot loop can be unrolled
export const START = NUM_TAGS; // row of `trans` for the sentence start

export interface NerWeights {
  bits: number;
  /** bucket * NUM_TAGS + tag. */
  weights: Float32Array | Int16Array;
  /** Multiplies `weights` (1 for float weights). */
  scale: number;
  /** (NUM_TAGS + 1) rows × NUM_TAGS: from-tag (or START) to tag. */
  trans: Float32Array;
}

/** I-X may only follow B-X or I-X. */
export const ALLOWED: boolean[][] = Array.from({ length: NUM_TAGS + 1 }, (_, from) =>
  TAGS.map((to) => {
    if (!to.startsWith('I-')) return true;
    if (from === START) return false;
    const f = TAGS[from]!;
    return f !== 'O' && f.slice(2) === to.slice(2);
  }),
);

const ALLOWED_FLAT = Uint8Array.from(ALLOWED.flatMap((row) => row.map((ok) => (ok ? 1 : 0))));

// Unrolled over the nine tags: this loop is where tagging spends its time.
function addEmissions(w: Float32Array | Int16Array, sf: SentenceFeatures, out: Float64Array): void {
  const n = sf.offs.length - 1;
  const feats = sf.feats;
  const offs = sf.offs;
  for (let i = 0; i < n; i++) {
    let e0 = 0,
      e1 = 0,
      e2 = 0,
      e3 = 0,
      e4 = 0,
      e5 = 0,
      e6 = 0,
      e7 = 0,
      e8 = 0;
    const end = offs[i + 1]!;
    for (let k = offs[i]!; k < end; k++) {
      const b = feats[k]! * 9;
      e0 += w[b]!;
      e1 += w[b + 1]!;
      e2 += w[b + 2]!;
      e3 += w[b + 3]!;
      e4 += w[b + 4]!;
      e5 += w[b + 5]!;
      e6 += w[b + 6]!;
      e7 += w[b + 7]!;
      e8 += w[b + 8]!;
    }
    const base = i * 9;
    out[base]! += e0;
    out[base + 1]! += e1;
    out[base + 2]! += e2;
    out[base + 3]! += e3;
    out[base + 4]! += e4;
    out[base + 5]! += e5;
    out[base + 6]! += e6;
    out[base + 7]! += e7;
    out[base + 8]! += e8;
  }
}

/** Emission scores of one sentence (token × tag); `extra` holds more features of the same tokens. */
export function emissions(model: NerWeights, sf: SentenceFeatures, extra?: SentenceFeatures): Float64Array {
  const n = sf.offs.length - 1;
  const em = new Float64Array(n * NUM_TAGS);
  addEmissions(model.weights, sf, em);
  if (extra) addEmissions(model.weights, extra, em);
  if (model.scale !== 1) for (let i = 0; i < em.length; i++) em[i]! *= model.scale;
  return em;
}

/** The best tag sequence for emission scores `em` under the transition weights `tr`. */
export function decode(em: Float64Array, tr: Float32Array): Uint8Array {
  const n = em.length / NUM_TAGS;
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const score = new Float64Array(n * NUM_TAGS);
  const back = new Uint8Array(n * NUM_TAGS);
  for (let t = 0; t < NUM_TAGS; t++) {
    score[t] = ALLOWED_FLAT[START * NUM_TAGS + t] ? em[t]! + tr[START * NUM_TAGS + t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < NUM_TAGS; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < NUM_TAGS; p++) {
        if (!ALLOWED_FLAT[p * NUM_TAGS + t]) continue;
        const s = score[(i - 1) * NUM_TAGS + p]! + tr[p * NUM_TAGS + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * NUM_TAGS + t] = best + em[i * NUM_TAGS + t]!;
      back[i * NUM_TAGS + t] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < NUM_TAGS; t++) {
    const s = score[(n - 1) * NUM_TAGS + t]!;
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = arg;
    arg = back[i * NUM_TAGS + arg]!;
  }
  return tags;
}

/** Tags one sentence; `extra` holds more features of the same tokens (the second pass's). */
export function viterbi(model: NerWeights, sf: SentenceFeatures, extra?: SentenceFeatures): Uint8Array {
  return decode(emissions(model, sf, extra), model.trans);
}

export interface TagSpan {
  /** Token indices, end exclusive. */
  start: number;
  end: number;
  type: string;
}

/** Maximal spans from IOB2 (or IO) tags: an I- of a new type starts a new span. */
export function tagsToSpans(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let cur: TagSpan | null = null;
  tags.forEach((tag, i) => {
    if (tag === 'O' || tag.length < 3) {
      cur = null;
      return;
    }
    const type = tag.slice(2);
    if (tag.startsWith('B-') || !cur || cur.type !== type) {
      cur = { start: i, end: i + 1, type };
      spans.push(cur);
    } else {
      cur.end = i + 1;
    }
  });
  return spans;
}
