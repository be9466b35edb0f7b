// Maps offsets in an old version of a text to the new version, so re-anchoring
// can look for each quote where it most likely went instead of at its old offset.
//
// Cheap and good enough for hints: the common prefix and suffix are exact; in
// between, paragraphs (lines) that occur exactly once in both versions are paired
// in order (patience-diff style), and an offset in an unpaired stretch takes the
// shift of the nearest paired line before it.

interface Pair {
  oldStart: number;
  newStart: number;
}

export type OffsetMap = (oldOffset: number) => number;

export function buildOffsetMap(oldText: string, newText: string): OffsetMap {
  if (oldText === newText) return (x) => x;
  const maxCommon = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < maxCommon && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < maxCommon - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  const oldMidEnd = oldText.length - suffix;
  const shiftAfter = newText.length - oldText.length;
  const pairs = pairUniqueLines(oldText, prefix, oldMidEnd, newText, prefix, newText.length - suffix);

  return (x) => {
    if (x < prefix) return x;
    if (x >= oldMidEnd) return x + shiftAfter;
    // Last pair starting at or before x.
    let lo = 0;
    let hi = pairs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid]!.oldStart <= x) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found === -1) return x; // before any paired line: still aligned with the common prefix
    const p = pairs[found]!;
    return Math.max(0, Math.min(newText.length, p.newStart + (x - p.oldStart)));
  };
}

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < to) {
    let nl = text.indexOf('\n', start);
    if (nl === -1 || nl >= to) nl = to;
    lines.push({ start, text: text.slice(start, nl) });
    start = nl + 1;
  }
  return lines;
}

function pairUniqueLines(
  oldText: string,
  oldFrom: number,
  oldTo: number,
  newText: string,
  newFrom: number,
  newTo: number,
): Pair[] {
  const oldLines = splitLines(oldText, oldFrom, oldTo);
  const newLines = splitLines(newText, newFrom, newTo);
  const pairedOld = new Set<number>();
  const pairedNew = new Set<number>();
  const matches: Array<{ o: number; n: number }> = [];
  // Whole lines first; then, for edited paragraphs, their unchanged first or last words.
  const keys: Array<(line: string) => string | null> = [
    (l) => (l.trim().length >= 8 ? l : null), // short lines recur by accident
    (l) => (l.length >= 48 ? l.slice(0, 32) : null),
    (l) => (l.length >= 48 ? l.slice(-32) : null),
  ];
  for (const key of keys) {
    const counts = new Map<string, { old: number; neu: number; oldIdx: number; newIdx: number }>();
    oldLines.forEach((l, i) => {
      const k = pairedOld.has(i) ? null : key(l.text);
      if (k === null) return;
      const c = counts.get(k) ?? { old: 0, neu: 0, oldIdx: -1, newIdx: -1 };
      c.old++;
      c.oldIdx = i;
      counts.set(k, c);
    });
    newLines.forEach((l, i) => {
      const k = pairedNew.has(i) ? null : key(l.text);
      const c = k === null ? undefined : counts.get(k);
      if (!c) return;
      c.neu++;
      c.newIdx = i;
    });
    for (const c of counts.values()) {
      if (c.old !== 1 || c.neu !== 1) continue;
      matches.push({ o: c.oldIdx, n: c.newIdx });
      pairedOld.add(c.oldIdx);
      pairedNew.add(c.newIdx);
    }
  }
  matches.sort((a, b) => a.o - b.o);
  return longestIncreasing(matches).map(({ o, n }) => ({
    oldStart: oldLines[o]!.start,
    newStart: newLines[n]!.start,
  }));
}

/** Longest subsequence increasing in `n` (input is sorted by `o`): keeps pairs in order. */
function longestIncreasing(items: Array<{ o: number; n: number }>): Array<{ o: number; n: number }> {
  const tails: number[] = [];
  const prev = new Array<number>(items.length).fill(-1);
  items.forEach((item, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[tails[mid]!]!.n < item.n) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out: Array<{ o: number; n: number }> = [];
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = prev[i]!) out.push(items[i]!);
  return out.reverse();
}
