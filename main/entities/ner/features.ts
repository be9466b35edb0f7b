// Token features for the NER tagger, shared by training and inference so both see
// exactly the same thing. Every string is hashed once per token; features are integer
// mixes of those hashes, masked into buckets. No strings are kept in the model.
import { extendLowerPhraseHash, type Gazetteer } from './gazetteer';
import { fnvStart, fnvUpdate } from './hash';

export interface SentenceFeatures {
  /** Hashed feature buckets of all tokens, token after token. */
  feats: Uint32Array;
  /** feats of token i are feats[offs[i]] .. feats[offs[i + 1]] (length n + 1). */
  offs: Uint32Array;
}

/**
 * First-pass tags of the whole document, for the second-pass ("stacked") model:
 * it sees how the first pass labelled the same words elsewhere in the document.
 */
export type FirstPass = Uint8Array[];

const UPPER_RE = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const UPPER = {
  test(w: string): boolean {
    const c = w.charCodeAt(0);
    return c < 128 ? c >= 65 && c <= 90 : UPPER_RE.test(w);
  },
};

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hashOf = (s: string): number => fnvUpdate(fnvStart(0), s);

function shapeOf(w: string, cap: number): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    let c: string;
    if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = w[i]!;
    else {
      const ch = w[i]!;
      c = /\p{Ll}/u.test(ch) ? 'x' : /\p{Lu}/u.test(ch) ? 'X' : /\p{N}/u.test(ch) ? 'd' : ch;
    }
    if (c === last) {
      run++;
      if (run >= cap) continue;
    } else {
      run = 0;
      last = c;
    }
    out += c;
  }
  return out;
}

interface DocStats {
  lowerSeen: Set<string>;
  capNonInitial: Map<string, number>;
}

function isAllCapsSentence(tokens: string[]): boolean {
  let upper = 0;
  let lower = 0;
  for (const t of tokens) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 65 && c <= 90) upper++;
      else if (c >= 97 && c <= 122) lower++;
    }
  }
  return upper >= 3 && lower * 10 < upper;
}

function docStats(sentences: string[][], allCaps: boolean[]): DocStats {
  const lowerSeen = new Set<string>();
  const capNonInitial = new Map<string, number>();
  sentences.forEach((tokens, s) => {
    if (allCaps[s]) return;
    tokens.forEach((t, i) => {
      const c = t.charCodeAt(0);
      if (c >= 97 && c <= 122) lowerSeen.add(t);
      else if (i > 0 && UPPER.test(t) && HAS_LOWER.test(t)) {
        const lw = t.toLowerCase();
        capNonInitial.set(lw, (capNonInitial.get(lw) ?? 0) + 1);
      }
    });
  });
  return { lowerSeen, capNonInitial };
}

// Stage-one labels by entity type: 0 = O, 1 PER, 2 ORG, 3 LOC, 4 MISC (tags are O, B-/I- pairs).
const typeOfTag = (t: number): number => (t + 1) >> 1;

interface StackStats {
  /** lowercased word → counts of the stage-one type over its capitalised occurrences. */
  word: Map<string, Int32Array>;
  /** lowercased span text → counts of the stage-one type of that span. */
  span: Map<string, Int32Array>;
  /** lowercased word → types of multi-word stage-one spans containing it. */
  inside: Map<string, Int32Array>;
}

function stackStats(sentences: string[][], first: FirstPass): StackStats {
  const word = new Map<string, Int32Array>();
  const span = new Map<string, Int32Array>();
  const inside = new Map<string, Int32Array>();
  const bump = (m: Map<string, Int32Array>, k: string, t: number): void => {
    let c = m.get(k);
    if (!c) m.set(k, (c = new Int32Array(5)));
    c[t]!++;
  };
  sentences.forEach((tokens, s) => {
    const tags = first[s]!;
    let i = 0;
    while (i < tokens.length) {
      const t = tags[i]!;
      if (UPPER.test(tokens[i]!)) bump(word, tokens[i]!.toLowerCase(), typeOfTag(t));
      if (t === 0) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < tokens.length && tags[j]! === t + (t % 2 === 1 ? 1 : 0) && tags[j]! % 2 === 0) {
        if (UPPER.test(tokens[j]!)) bump(word, tokens[j]!.toLowerCase(), typeOfTag(tags[j]!));
        j++;
      }
      const type = typeOfTag(t);
      bump(span, tokens.slice(i, j).join(' ').toLowerCase(), type);
      if (j - i > 1) for (let k = i; k < j; k++) bump(inside, tokens[k]!.toLowerCase(), type);
      i = j;
    }
  });
  return { word, span, inside };
}

/** Most frequent type after removing this occurrence's own vote (-1 when none is left). */
function majority(counts: Int32Array | undefined, own: number): number {
  if (!counts) return -1;
  let best = -1;
  let bestN = 0;
  for (let t = 0; t < 5; t++) {
    const n = counts[t]! - (t === own ? 1 : 0);
    if (n > bestN) {
      bestN = n;
      best = t;
    }
  }
  return best;
}

/** Features of every sentence of one document (the text one extraction call sees). */
export function documentFeatures(
  sentences: string[][],
  mask: number,
  gazetteer?: Gazetteer | null,
): SentenceFeatures[] {
  const allCaps = sentences.map(isAllCapsSentence);
  const stats = docStats(sentences, allCaps);
  return sentences.map((tokens, s) => sentenceFeatures(tokens, allCaps[s] ?? false, stats, mask, gazetteer ?? null));
}

/** Per token: category bits of gazetteer phrases starting at it (low 16) and covering it without starting (high 16). */
function gazetteerMatches(lower: string[], g: Gazetteer): Uint32Array {
  const out = new Uint32Array(lower.length);
  for (let i = 0; i < lower.length; i++) {
    let h = fnvStart(0);
    for (let len = 1; len <= g.maxWords && i + len <= lower.length; len++) {
      h = extendLowerPhraseHash(h, lower[i + len - 1]!, len === 1);
      const bits = g.entries.get(h);
      if (bits === undefined) continue;
      out[i]! |= bits;
      for (let k = i + 1; k < i + len; k++) out[k]! |= bits << 16;
    }
  }
  return out;
}

/** The second pass's extra features: how the first pass labelled the same words elsewhere. */
export function stackedFeatures(sentences: string[][], first: FirstPass, mask: number): SentenceFeatures[] {
  const stats = stackStats(sentences, first);
  return sentences.map((tokens, s) => sentenceStackFeatures(tokens, first[s]!, stats, mask));
}

function sentenceStackFeatures(tokens: string[], tags: Uint8Array, stats: StackStats, mask: number): SentenceFeatures {
  const n = tokens.length;
  const feats = new Uint32Array(n * 8);
  const offs = new Uint32Array(n + 1);
  let p = 0;
  const f1 = (id: number, a: number): void => {
    feats[p++] = mix(id, a) & mask;
  };
  const f2 = (id: number, a: number, b: number): void => {
    feats[p++] = mix(mix(id, a), b) & mask;
  };
  const lw = tokens.map((t) => t.toLowerCase());
  for (let i = 0; i < n; i++) {
    offs[i] = p;
    const own = tags[i]!;
    const ownType = typeOfTag(own);
    f1(40, own);
    f2(41, own, i > 0 ? tags[i - 1]! : 99);
    f2(42, own, i + 1 < n ? tags[i + 1]! : 99);
    if (UPPER.test(tokens[i]!)) {
      const wm = majority(stats.word.get(lw[i]!), ownType);
      f1(43, wm);
      f2(44, wm, ownType);
      f2(45, majority(stats.inside.get(lw[i]!), -1), ownType);
    }
    if (own !== 0) {
      // the first-pass span this token is in, and how that text was labelled elsewhere
      let a = i;
      while (a > 0 && tags[a]! % 2 === 0) a--;
      let b = i + 1;
      while (b < n && tags[b]! === own + (own % 2 === 1 ? 1 : 0) && tags[b]! % 2 === 0) b++;
      f2(46, majority(stats.span.get(lw.slice(a, b).join(' ')), ownType), ownType);
    }
  }
  offs[n] = p;
  return { feats: feats.subarray(0, p), offs };
}

const H_BOS2 = hashOf('<s2>');
const H_BOS1 = hashOf('<s1>');
const H_EOS1 = hashOf('</s1>');
const H_EOS2 = hashOf('</s2>');
const H_SBOS = hashOf('<s>');
const H_SEOS = hashOf('</s>');

function sentenceFeatures(
  tokens: string[],
  allCaps: boolean,
  stats: DocStats,
  mask: number,
  gazetteer: Gazetteer | null,
): SentenceFeatures {
  const n = tokens.length;

  const lw: string[] = new Array(n);
  const hw = new Uint32Array(n);
  const hl = new Uint32Array(n);
  const hs = new Uint32Array(n);
  let numeric = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const l = t.toLowerCase();
    lw[i] = l;
    hw[i] = hashOf(t);
    hl[i] = hashOf(l);
    hs[i] = hashOf(shapeOf(t, 1));
    if (/\d/.test(t)) numeric++;
  }
  const numSent = n > 2 && numeric * 3 > n ? 1 : 0;
  const gaz = gazetteer ? gazetteerMatches(lw, gazetteer) : null;
  const ac = allCaps ? 1 : 0;
  const lwAt = (i: number): number =>
    i < 0 ? (i === -1 ? H_BOS1 : H_BOS2) : i >= n ? (i === n ? H_EOS1 : H_EOS2) : hl[i]!;
  const shAt = (i: number): number => (i < 0 ? H_SBOS : i >= n ? H_SEOS : hs[i]!);

  const feats = new Uint32Array(n * 72);
  let p = 0;
  const offs = new Uint32Array(n + 1);
  const f1 = (id: number, a: number): void => {
    feats[p++] = mix(id, a) & mask;
  };
  const f2 = (id: number, a: number, b: number): void => {
    feats[p++] = mix(mix(id, a), b) & mask;
  };
  const f3 = (id: number, a: number, b: number, c: number): void => {
    feats[p++] = mix(mix(mix(id, a), b), c) & mask;
  };

  for (let i = 0; i < n; i++) {
    offs[i] = p;
    const w = tokens[i]!;
    const l = lw[i]!;
    const s = hs[i]!;
    const pos = i === 0 ? 0 : i === n - 1 ? 1 : i === 1 ? 2 : 3;
    f1(0, 0);
    f1(1, hl[i]!);
    if (!allCaps) f1(2, hw[i]!);
    f1(3, s);
    f1(4, hashOf(shapeOf(w, 3).slice(0, 8)));
    const len = l.length;
    let h = fnvStart(0);
    for (let k = 1; k <= 4 && k <= len; k++) {
      h = Math.imul(h ^ l.charCodeAt(k - 1), 16777619) >>> 0; // the FNV of l.slice(0, k)
      f1(4 + k, h);
      let hs = fnvStart(0);
      for (let j = len - k; j < len; j++) hs = Math.imul(hs ^ l.charCodeAt(j), 16777619);
      f1(8 + k, hs >>> 0);
    }
    f1(13, lwAt(i - 1));
    f1(14, lwAt(i + 1));
    f1(15, lwAt(i - 2));
    f1(16, lwAt(i + 2));
    f1(17, shAt(i - 1));
    f1(18, shAt(i + 1));
    f2(19, lwAt(i - 1), hl[i]!);
    f2(20, hl[i]!, lwAt(i + 1));
    f3(21, shAt(i - 1), s, shAt(i + 1));
    f2(22, pos, s);
    f2(23, ac, s);
    f3(24, ac, pos, s);
    f2(25, numSent, s);
    f2(26, lwAt(i - 1), s);
    f2(27, s, lwAt(i + 1));
    f2(28, ac, hl[i]!);
    f1(29, l.length > 12 ? 13 : l.length);
    if (UPPER.test(w)) {
      const low = stats.lowerSeen.has(l) ? 1 : 0;
      let caps = stats.capNonInitial.get(l) ?? 0;
      if (!allCaps && i > 0 && HAS_LOWER.test(w)) caps--;
      const cap = caps > 0 ? 1 : 0;
      f2(30, low, cap);
      f3(31, low, cap, s);
      f3(32, low, cap, pos === 0 ? 9 : ac);
    }
    f2(33, shAt(i - 2), shAt(i - 1));
    f2(34, shAt(i + 1), shAt(i + 2));
    if (gaz) {
      const g = gaz[i]!;
      const cap = UPPER.test(w) ? 1 : 0;
      for (let c = 0; c < 32 && g >>> c; c++) {
        if ((g >>> c) & 1) f2(50, c, cap);
      }
      f1(51, g === 0 ? 0 : 1 + cap);
      if (i > 0) f1(52, gaz[i - 1]! & 0xffff);
      if (i + 1 < n) f1(53, gaz[i + 1]! & 0xffff);
    }
  }
  offs[n] = p;
  return { feats: feats.subarray(0, p), offs };
}
