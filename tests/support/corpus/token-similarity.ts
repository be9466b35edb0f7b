// How close two texts are, as sequences of words: 2·LCS / (|a| + |b|) over lower-cased word tokens
// (difflib's ratio, on words). Order matters: a page whose paragraphs come out shuffled is not "the
// same article". The LCS is only computed where it can reach the threshold that matters.

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Multiset overlap: an upper bound of the sequence similarity, computed in linear time. */
export function bagSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of b) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Longest common subsequence length, after trimming the common prefix and suffix; null when too costly. */
function lcsLength(a: readonly string[], b: readonly string[], maxCells: number): number | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const shared = start + (a.length - endA);
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return shared;
  if (n * m > maxCells) return null;
  let prev = new Uint32Array(m + 1);
  let row = new Uint32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    const x = a[start + i - 1];
    for (let j = 1; j <= m; j++) {
      row[j] = x === b[start + j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    [prev, row] = [row, prev];
  }
  return shared + prev[m]!;
}

/**
 * Sequence similarity in [0, 1]. Below `threshold` the exact value is not needed, so when the bag bound
 * already falls short (or the LCS would be too costly) the bag bound is returned: it is then an
 * over-estimate, which can only make a failing page look closer than it is, never pass it.
 */
export function tokenSimilarity(a: readonly string[], b: readonly string[], threshold = 0.99): number {
  const bag = bagSimilarity(a, b);
  if (bag < threshold) return bag;
  const lcs = lcsLength(a, b, 150_000_000);
  if (lcs === null) return bag;
  return a.length + b.length === 0 ? 1 : (2 * lcs) / (a.length + b.length);
}

/** Share of `part`'s tokens found in `whole` (as a multiset): how much of `part` is really there. */
export function containment(part: readonly string[], whole: readonly string[]): number {
  if (part.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of whole) counts.set(t, (counts.get(t) ?? 0) + 1);
  let found = 0;
  for (const t of part) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      found++;
      counts.set(t, n - 1);
    }
  }
  return found / part.length;
}
