// Averaged structured perceptron over IOB2 tag sequences. Where a corpus's labels follow
// other conventions than CoNLL's, a sentence carries the tags each token may take, and the
// "gold" sequence is the best one the current model finds among those (a latent-variable
// perceptron): a corpus without MISC then neither teaches nor forbids MISC.
import type { SentenceFeatures } from '../../../main/entities/ner/features';
import { decode, emissions, NUM_TAGS, START, type NerWeights } from '../../../main/entities/ner/tagger';

export interface TrainDoc {
  /** Corpus id, for the manifest and per-corpus weights. */
  source: string;
  words: string[][];
  gold: Uint8Array[];
  /** Per sentence, per token: bit t set when tag t is allowed; null where only the gold tag is. */
  allowed: Array<Uint16Array | null>;
  /** Multiplies every update this document causes. */
  weight: number;
  feats: SentenceFeatures[];
  /** The second pass's extra features (first-pass labels from models that did not see this document). */
  stacked: SentenceFeatures[] | null;
}

export interface PerceptronOptions {
  bits: number;
  epochs: number;
  /** Seeds the sentence order of each epoch. */
  seed: number;
}

function shuffle<T>(xs: T[], seed: number): void {
  let s = seed;
  for (let i = xs.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}

/** The best sequence that keeps to `allowed` (disallowed tags get an impossible score). */
export function constrainedDecode(em: Float64Array, trans: Float32Array, allowed: Uint16Array): Uint8Array {
  const masked = em.slice();
  for (let i = 0; i < allowed.length; i++) {
    const bits = allowed[i]!;
    for (let t = 0; t < NUM_TAGS; t++) if (!((bits >> t) & 1)) masked[i * NUM_TAGS + t] = -1e12;
  }
  return decode(masked, trans);
}

/** Trains on the sentences of `docs`; with `stage2`, each sentence also sees its stacked features. */
export function trainPerceptron(
  docs: TrainDoc[],
  opt: PerceptronOptions,
  stage2: boolean,
  onEpoch?: (epoch: number, averaged: () => NerWeights) => void,
): NerWeights {
  const size = (1 << opt.bits) * NUM_TAGS;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const tr = new Float32Array((NUM_TAGS + 1) * NUM_TAGS);
  const tu = new Float64Array(tr.length);
  const model: NerWeights = { bits: opt.bits, weights: w, scale: 1, trans: tr };
  let c = 1;
  const averaged = (): NerWeights => {
    const aw = new Float32Array(size);
    for (let i = 0; i < size; i++) aw[i] = w[i]! - u[i]! / c;
    const at = new Float32Array(tr.length);
    for (let i = 0; i < tr.length; i++) at[i] = tr[i]! - tu[i]! / c;
    return { bits: opt.bits, weights: aw, scale: 1, trans: at };
  };
  const bump = (sf: SentenceFeatures, i: number, tag: number, d: number): void => {
    for (let k = sf.offs[i]!; k < sf.offs[i + 1]!; k++) {
      const j = sf.feats[k]! * NUM_TAGS + tag;
      w[j]! += d;
      u[j]! += c * d;
    }
  };
  const bumpTrans = (from: number, to: number, d: number): void => {
    tr[from * NUM_TAGS + to]! += d;
    tu[from * NUM_TAGS + to]! += c * d;
  };
  const order: Array<[TrainDoc, number]> = docs.flatMap((d) => d.gold.map((_, s) => [d, s] as [TrainDoc, number]));
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    shuffle(order, opt.seed + epoch * 7919);
    for (const [doc, s] of order) {
      const sf = doc.feats[s]!;
      const extra = stage2 ? doc.stacked![s]! : undefined;
      const em = emissions(model, sf, extra);
      const pred = decode(em, tr);
      const allowed = doc.allowed[s];
      const gold = allowed ? constrainedDecode(em, tr, allowed) : doc.gold[s]!;
      const d = doc.weight;
      for (let i = 0; i < pred.length; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        const gp = i === 0 ? START : gold[i - 1]!;
        const pp = i === 0 ? START : pred[i - 1]!;
        if (g !== p) {
          bump(sf, i, g, d);
          bump(sf, i, p, -d);
          if (extra) {
            bump(extra, i, g, d);
            bump(extra, i, p, -d);
          }
        }
        if (g !== p || gp !== pp) {
          bumpTrans(gp, g, d);
          bumpTrans(pp, p, -d);
        }
      }
      c++;
    }
    onEpoch?.(epoch, averaged);
  }
  return averaged();
}
