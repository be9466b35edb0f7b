// Which intervals contain a point: sorted by start with a running maximum of
// ends, so a lookup is one binary search plus a backwards scan that stops as
// soon as no earlier interval can reach the point.
//
//   const idx = buildIntervalIndex(items)   items: { id, start, end }
//   idx.at(offset)                          → ids whose [start, end) contains offset, innermost first

export interface Interval {
  id: string;
  start: number;
  end: number;
}

export interface IntervalIndex {
  at(offset: number): string[];
  readonly size: number;
}

export function buildIntervalIndex(items: readonly Interval[]): IntervalIndex {
  const sorted = items.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const maxEnd: number[] = [];
  let running = -Infinity;
  for (const it of sorted) {
    running = Math.max(running, it.end);
    maxEnd.push(running);
  }
  return {
    size: sorted.length,
    at(offset) {
      let lo = 0;
      let hi = sorted.length - 1;
      let last = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]!.start <= offset) {
          last = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      const hits: Interval[] = [];
      for (let i = last; i >= 0 && maxEnd[i]! > offset; i--) {
        if (sorted[i]!.end > offset) hits.push(sorted[i]!);
      }
      // Innermost (shortest) first: that is the one a click most likely meant.
      hits.sort((a, b) => a.end - a.start - (b.end - b.start));
      return hits.map((h) => h.id);
    },
  };
}
