const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
// A bare date ("2025-11-03") parses as UTC midnight; shown in local time it could become the day before.
const calendarDateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const numberFormat = new Intl.NumberFormat();

/** "27 Nov 2026"; a phrase that is not an ISO date (as found in a page) is shown as written. */
export function formatDate(value: string | null): string {
  if (!value) return '';
  // Only ISO dates are reformatted: Date() would happily turn "early spring, 1998" into 1 January.
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return value.length === 10 ? calendarDateFormat.format(date) : dateFormat.format(date);
}

export function formatWords(count: number): string {
  return `${numberFormat.format(count)} ${count === 1 ? 'word' : 'words'}`;
}

export function formatMinutes(minutes: number): string {
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${Math.round(minutes)} min read`;
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  return rest === 0 ? `${hours} h read` : `${hours} h ${rest} min read`;
}

export function formatPercent(progress: number): string {
  return `${Math.round(Math.min(1, Math.max(0, progress)) * 100)}%`;
}

/** "example.org" for an http(s) address, else null (a file: source is not a site). */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}
