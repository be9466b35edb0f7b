/** `YYYYMMDD-HHMMSS` (UTC), optionally with `-mmm`: sorts like time, is safe in file names. */
export function fileStamp(d: Date, withMillis = false): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
  return withMillis ? `${base}-${p(d.getUTCMilliseconds(), 3)}` : base;
}

const STAMP = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{3}))?$/;

export function parseFileStamp(s: string): Date | null {
  const m = STAMP.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi, se, ms] = m.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, se!, ms ?? 0));
}

/** For messages: `2026-11-27 00:25 UTC`. */
export function humanTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
