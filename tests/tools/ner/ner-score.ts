// Exact-match entity scoring as conlleval does it: a prediction counts only when
// its span and its type both match a gold span.

export interface ScoredSpan {
  /** Identifies the document (or sentence) the token indices belong to. */
  doc: number;
  start: number;
  end: number;
  type: string;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  perType: Record<string, Prf>;
  micro: Prf;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** Scores predictions against gold over `types`; spans of other types are dropped from both sides first. */
export function scoreSpans(gold: ScoredSpan[], predicted: ScoredSpan[], types: string[]): Score {
  const keep = new Set(types);
  const key = (s: ScoredSpan): string => `${s.doc}:${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.filter((s) => keep.has(s.type)).map(key));
  const predKeys = new Set(predicted.filter((s) => keep.has(s.type)).map(key));
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(
    types.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]),
  );
  for (const k of predKeys) {
    const c = counts.get(k.slice(k.lastIndexOf(':') + 1))!;
    if (goldKeys.has(k)) c.tp++;
    else c.fp++;
  }
  for (const k of goldKeys) {
    if (!predKeys.has(k)) counts.get(k.slice(k.lastIndexOf(':') + 1))!.fn++;
  }
  const perType: Record<string, Prf> = {};
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [t, c] of counts) {
    perType[t] = prf(c.tp, c.fp, c.fn);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  return { perType, micro: prf(tp, fp, fn) };
}

export interface TokenLayout {
  text: string;
  /** Character start and end of every token of the document, in order. */
  starts: number[];
  ends: number[];
}

/** Joins tokens with single spaces and sentences with newlines, keeping each token's offsets. */
export function layoutTokens(sentences: string[][]): TokenLayout {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  sentences.forEach((tokens, s) => {
    if (s > 0) text += '\n';
    tokens.forEach((t, i) => {
      if (i > 0) text += ' ';
      starts.push(text.length);
      text += t;
      ends.push(text.length);
    });
  });
  return { text, starts, ends };
}

/**
 * Maps character spans back to token spans; a span that does not start and end
 * on token boundaries maps to null (it can never match gold).
 */
export function charSpanToTokens(
  layout: TokenLayout,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const a = binarySearch(layout.starts, start);
  const b = binarySearch(layout.ends, end);
  if (a < 0 || b < 0 || b < a) return null;
  return { start: a, end: b + 1 };
}

function binarySearch(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = xs[mid]!;
    if (x === v) return mid;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
