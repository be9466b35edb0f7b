// One row per figure, printed as a table on the console and as Markdown in BENCHMARKS.md.
import { summarise, type Sample } from './stats';

export interface Target {
  /** Lower is better ('<') or higher is better ('>='). */
  op: '<' | '>=';
  value: number;
}

export interface BenchRow {
  name: string;
  /** The stated input size, e.g. "1.0 MB .html" or "120,000 chars, 1,000 highlights". */
  size: string;
  unit: string;
  sample: Sample;
  target?: Target;
  /** Where the figure comes from or what it means, in a few words. */
  note?: string;
  /** For figures that arrive already summarised by another module's bench (e.g. "p95 12.3"). */
  spreadText?: string;
}

/** A row from a figure another module's bench already summarised (its median over `runs`). */
export function summarisedRow(
  name: string,
  size: string,
  unit: string,
  median: number,
  runs: number,
  spreadText: string,
  target?: Target,
  note?: string,
): BenchRow {
  return {
    name,
    size,
    unit,
    sample: { runs, median, min: median, max: median, p10: median, p90: median },
    spreadText,
    ...(target ? { target } : {}),
    ...(note ? { note } : {}),
  };
}

export function row(
  name: string,
  size: string,
  unit: string,
  values: readonly number[],
  target?: Target,
  note?: string,
): BenchRow {
  return { name, size, unit, sample: summarise(values), ...(target ? { target } : {}), ...(note ? { note } : {}) };
}

export function verdict(r: BenchRow): 'pass' | 'FAIL' | 'n/a' | '' {
  if (!r.target) return '';
  const m = r.sample.median;
  if (Number.isNaN(m)) return 'n/a';
  return (r.target.op === '<' ? m < r.target.value : m >= r.target.value) ? 'pass' : 'FAIL';
}

export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'n/a';
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function spread(s: Sample): string {
  if (Number.isNaN(s.median) || s.runs === 1) return '—';
  // p10–p90 hides one-off outliers once there are enough runs; min–max otherwise.
  return s.runs >= 10
    ? `p10–p90 ${formatNumber(s.p10)}–${formatNumber(s.p90)}`
    : `${formatNumber(s.min)}–${formatNumber(s.max)}`;
}

function cells(r: BenchRow): string[] {
  return [
    r.name,
    r.size,
    `${formatNumber(r.sample.median)} ${r.unit}`,
    `${r.spreadText ?? spread(r.sample)} (${r.sample.runs} run${r.sample.runs === 1 ? '' : 's'})`,
    r.target ? `${r.target.op} ${formatNumber(r.target.value)} ${r.unit}` : '—',
    verdict(r) || '—',
  ];
}

const HEAD = ['Benchmark', 'Input', 'Median', 'Spread', 'Target', 'Result'];

export function consoleTable(rows: readonly BenchRow[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, c) => Math.max(...all.map((line) => line[c]!.length)));
  const fmt = (line: string[]) => line.map((cell, c) => cell.padEnd(widths[c]!)).join('  ');
  return [fmt(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => fmt(cells(r)))].join('\n');
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
}
