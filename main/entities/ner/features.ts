// Token features for the NER tagger, shared by training and inference so both see
// exactly the same thing. Features are hashed into buckets; no strings are kept.
import { fnvSep, fnvStart, fnvUpdate } from './hash';

export interface SentenceFeatures {
  /** Hashed feature buckets of all tokens, token after token. */
  feats: Uint32Array;
  /** feats of token i are feats[offs[i]] .. feats[offs[i + 1]] (length n + 1). */
  offs: Uint32Array;
}

const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

function shapeOf(w: string, cap: number): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
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
    for (const ch of t) {
      if (ch >= 'A' && ch <= 'Z') upper++;
      else if (ch >= 'a' && ch <= 'z') lower++;
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

/** Features of every sentence of one document (the text one extraction call sees). */
export function documentFeatures(sentences: string[][], mask: number): SentenceFeatures[] {
  const allCaps = sentences.map(isAllCapsSentence);
  const stats = docStats(sentences, allCaps);
  return sentences.map((tokens, s) => sentenceFeatures(tokens, allCaps[s] ?? false, stats, mask));
}

const BOS = ['<s2>', '<s1>'];
const EOS = ['</s1>', '</s2>'];

function sentenceFeatures(tokens: string[], allCaps: boolean, stats: DocStats, mask: number): SentenceFeatures {
  const n = tokens.length;
  const lw = tokens.map((t) => t.toLowerCase());
  const sh = tokens.map((t) => shapeOf(t, 1));
  let numeric = 0;
  for (const t of tokens) if (/\d/.test(t)) numeric++;
  const numSent = n > 2 && numeric * 3 > n ? 'N' : 'n';
  const ac = allCaps ? 'A' : 'a';
  const lwAt = (i: number): string => (i < 0 ? BOS[i + 2] ?? '<s>' : i >= n ? EOS[i - n] ?? '</s>' : lw[i]!);
  const shAt = (i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : sh[i]!);

  const feats: number[] = [];
  const offs = new Uint32Array(n + 1);
  const f1 = (id: number, a: string): void => {
    feats.push(fnvUpdate(fnvStart(id), a) & mask);
  };
  const f2 = (id: number, a: string, b: string): void => {
    feats.push(fnvUpdate(fnvSep(fnvUpdate(fnvStart(id), a)), b) & mask);
  };
  const f3 = (id: number, a: string, b: string, c: string): void => {
    feats.push(fnvUpdate(fnvSep(fnvUpdate(fnvSep(fnvUpdate(fnvStart(id), a)), b)), c) & mask);
  };

  for (let i = 0; i < n; i++) {
    offs[i] = feats.length;
    const w = tokens[i]!;
    const l = lw[i]!;
    const s = sh[i]!;
    const pos = i === 0 ? 'F' : i === n - 1 ? 'L' : i === 1 ? 'S' : 'M';
    f1(0, '');
    f1(1, l);
    if (!allCaps) f1(2, w);
    f1(3, s);
    f1(4, shapeOf(w, 3).slice(0, 8));
    for (let k = 1; k <= 4 && k <= l.length; k++) {
      f1(4 + k, l.slice(0, k));
      f1(8 + k, l.slice(-k));
    }
    f1(13, lwAt(i - 1));
    f1(14, lwAt(i + 1));
    f1(15, lwAt(i - 2));
    f1(16, lwAt(i + 2));
    f1(17, shAt(i - 1));
    f1(18, shAt(i + 1));
    f2(19, lwAt(i - 1), l);
    f2(20, l, lwAt(i + 1));
    f3(21, shAt(i - 1), s, shAt(i + 1));
    f2(22, pos, s);
    f2(23, ac, s);
    f3(24, ac, pos, s);
    f2(25, numSent, s);
    f2(26, lwAt(i - 1), s);
    f2(27, s, lwAt(i + 1));
    f2(28, ac, l);
    f1(29, l.length > 12 ? '13' : String(l.length));
    if (UPPER.test(w)) {
      const low = stats.lowerSeen.has(l) ? 'L' : 'l';
      let caps = stats.capNonInitial.get(l) ?? 0;
      if (!allCaps && i > 0 && HAS_LOWER.test(w)) caps--;
      const cap = caps > 0 ? 'C' : 'c';
      f2(30, low, cap);
      f3(31, low, cap, s);
      f3(32, low, cap, pos === 'F' ? 'F' : ac);
    }
    f2(33, shAt(i - 2), shAt(i - 1));
    f2(34, shAt(i + 1), shAt(i + 2));
  }
  offs[n] = feats.length;
  return { feats: Uint32Array.from(feats), offs };
}
