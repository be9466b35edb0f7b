// Summaries of repeated measurements: the median and the spread of the runs.

export interface Sample {
  runs: number;
  median: number;
  min: number;
  max: number;
  p10: number;
  p90: number;
}

export function summarise(values: readonly number[]): Sample {
  if (values.length === 0) throw new Error('No measurements to summarise.');
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
  return { runs: s.length, median: at(0.5), min: s[0]!, max: s[s.length - 1]!, p10: at(0.1), p90: at(0.9) };
}

/**
 * Durations in ms of up to `maxRuns` runs of `fn` after one unmeasured warm-up;
 * stops early (after at least `minRuns`) once `budgetMs` is spent, so slow steps still finish.
 */
export async function timeRunsWithin(
  maxRuns: number,
  minRuns: number,
  budgetMs: number,
  fn: () => unknown,
): Promise<number[]> {
  await fn();
  const out: number[] = [];
  const start = performance.now();
  while (out.length < maxRuns && (out.length < minRuns || performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}
