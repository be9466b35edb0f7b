// Date phrases via chrono-node, run only on small windows around date-like words so
// a long article does not pay for chrono on every sentence; times relative to the article's
// date by find-relative-dates; years alone by the words around them.
import * as chrono from 'chrono-node';
import { findRelativeDates } from './find-relative-dates';

export interface FoundDate {
  start: number;
  end: number;
  text: string;
  /**
   * YYYY-MM-DD, YYYY-MM or YYYY as far as the text (and reference date) allow; a period
   * ("the past 12 months") as an ISO 8601 interval of two of these, "2023-05/2024-05".
   */
  resolved: string | null;
}

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const CANDIDATE = new RegExp(
  `\\b(?:${MONTHS}|mon(?:day)?|tues?(?:day)?|wed(?:nesday)?|thu(?:rs?)?(?:day)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|today|yesterday|tomorrow|tonight|ago|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})\\b`,
  'gi',
);
const YEAR =
  /\b(?:(in|since|by|until|till|from|during|of|before|after|early|late|mid-?)\s+)?((?:1[6-9]|20)\d\d)(s)?\b/gi;
const LEADING = /^(?:on|in|at|by|from|since|until|till|during|of|before|after)\s+/i;
const pad = (n: number): string => String(n).padStart(2, '0');

function resolveResult(r: chrono.ParsedResult, hasReference: boolean): string | null {
  const c = r.start;
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year == null || (!c.isCertain('year') && !hasReference)) return null;
  const relative = !c.isCertain('month') && !c.isCertain('day');
  const dayKnown = c.isCertain('day') || (hasReference && (c.isCertain('weekday') || relative));
  if (dayKnown && month != null && day != null) return `${year}-${pad(month)}-${pad(day)}`;
  if (c.isCertain('month') && month != null) return `${year}-${pad(month)}`;
  return String(year);
}

/** A month (and day) without a year, in the year that puts it nearest to `anchor`. */
function nearAnchor(c: chrono.ParsedComponents, anchor: Date): string {
  const month = c.get('month')!;
  const day = c.isCertain('day') ? c.get('day') : null;
  const y = anchor.getFullYear();
  let best = y;
  for (const year of [y - 1, y + 1]) {
    const t = new Date(year, month - 1, day ?? 15).getTime();
    if (Math.abs(t - anchor.getTime()) < Math.abs(new Date(best, month - 1, day ?? 15).getTime() - anchor.getTime()))
      best = year;
  }
  return day != null ? `${best}-${pad(month)}-${pad(day)}` : `${best}-${pad(month)}`;
}

/** The resolved date moved back a year if it falls after `now`. */
function notAfter(resolved: string, now: Date): string {
  const iso = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  if (resolved <= iso.slice(0, resolved.length)) return resolved;
  return String(Number(resolved.slice(0, 4)) - 1) + resolved.slice(4);
}

export function findDates(text: string, referenceDate?: Date): FoundDate[] {
  const windows: Array<[number, number]> = [];
  CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CANDIDATE.exec(text)) !== null) {
    // "may" and "march" are common words; chrono itself decides from the context.
    let a = Math.max(0, m.index - 30);
    let b = Math.min(text.length, m.index + m[0].length + 40);
    while (a > 0 && /\S/.test(text[a - 1]!)) a--;
    while (b < text.length && /\S/.test(text[b]!)) b++;
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  const ref = referenceDate ?? new Date(2000, 0, 1);
  const relative = findRelativeDates(text, referenceDate);
  const out: FoundDate[] = [...relative];
  // Without a reference date, "March 22" takes its year from the last full date before it.
  let anchor: Date | undefined;
  for (const [a, b] of windows) {
    const windowText = text.slice(a, b);
    for (const r of chrono.parse(windowText, ref)) {
      const c = r.start;
      if (c.isCertain('year') && c.isCertain('month')) anchor = c.date();
      if (!c.isCertain('day') && !c.isCertain('month') && !c.isCertain('weekday') && !c.isCertain('year')) {
        if (!/today|yesterday|tomorrow|tonight|ago|last|next|this/i.test(r.text)) continue;
      }
      let phrase = r.text;
      let start = a + r.index;
      const lead = LEADING.exec(phrase);
      if (lead) {
        start += lead[0].length;
        phrase = phrase.slice(lead[0].length);
      }
      phrase = phrase.replace(/[\s,.;:]+$/, '');
      if (relative.some((d) => d.start < start + phrase.length && start < d.end)) continue;
      // "8,000 years ago" read from its "000": a number cut in two
      if (/^\d/.test(phrase) && /[\d,.]/.test(text[start - 1] ?? '')) continue;
      if (phrase === '' || (/^(?:may|march|sun|sat|wed)$/i.test(phrase) && !/^\p{Lu}/u.test(phrase))) continue;
      if (/^\d{1,2}$/.test(phrase)) continue;
      let resolved = resolveResult(r, referenceDate !== undefined);
      if (!referenceDate && anchor && !c.isCertain('year') && c.isCertain('month')) resolved = nearAnchor(c, anchor);
      // "since January", "earlier in March": the past, whatever month is nearer
      const before = text.slice(Math.max(0, start - 20), start);
      const now = referenceDate ?? anchor;
      if (resolved && now && !c.isCertain('year') && /\b(?:since|earlier in|last)\s+$/i.test(before))
        resolved = notAfter(resolved, now);
      out.push({ start, end: start + phrase.length, text: phrase, resolved });
    }
  }
  YEAR.lastIndex = 0;
  while ((m = YEAR.exec(text)) !== null) {
    if (!m[1] && !m[3]) continue; // a bare four-digit number: see bareYears
    const start = m.index + (m[1] ? m[0].indexOf(m[2]!) : 0);
    const end = m.index + m[0].length;
    if (out.some((d) => d.start < end && start < d.end)) continue;
    out.push({ start, end, text: text.slice(start, end), resolved: m[3] ? null : m[2]! });
  }
  bareYears(text, out);
  return out.sort((x, y) => x.start - y.start);
}

const BARE_YEAR = /(?<![\d$£€¥#.,]|\d\s|No\.\s?)\b(?:1[6-9]|20)\d\d\b(?![.,]\d|\s?%)/g;
/** What a four-digit number counts when it is a number, not a year ("2017 people", "1800 metres"). */
const COUNTED_AFTER =
  /^\s+(?:people|men|women|children|troops|soldiers|fighters|militants|votes|hours|hrs|gmt|utc|km|kilometres|kilometers|miles|metres|meters|feet|ft|tonnes|tons|barrels|cases|deaths)\b/i;
/** "Resolution 1701", "Room 2017": a number that names a thing. */
const NUMBERED_BEFORE =
  /\b(?:resolution|room|flight|number|no\.?|route|highway|article|section|chapter|page|bus|model|version|platform)\s$/i;

/**
 * A four-digit number alone is more often a count or a score than a year, so on its own it is
 * a date only where its place says so: "the 2017 bombing", "2017's", "(2017)". But once the
 * article has used a year as a date ("in 2017", "March 2017"), each later or earlier mention
 * of it is that year too, so a year is counted at every mention.
 */
function bareYears(text: string, out: FoundDate[]): void {
  const known = new Set<string>();
  for (const d of out) for (const y of d.text.match(/\b(?:1[6-9]|20)\d\d\b/g) ?? []) known.add(y);
  const found: Array<FoundDate & { attributive: boolean }> = [];
  BARE_YEAR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BARE_YEAR.exec(text)) !== null) {
    const start = m.index;
    const end = start + 4;
    const after = text.slice(end, end + 12);
    if (COUNTED_AFTER.test(after) || NUMBERED_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    if (out.some((d) => d.start < end && start < d.end)) continue;
    const attributive =
      (/\bthe\s$/i.test(text.slice(Math.max(0, start - 4), start)) && /^\s\p{Ll}/u.test(after)) ||
      /^['’]s\b/.test(after) ||
      (text[start - 1] === '(' && text[end] === ')');
    if (attributive) known.add(m[0]);
    found.push({ start, end, text: m[0], resolved: m[0], attributive });
  }
  for (const { attributive, ...d } of found) if (attributive || known.has(d.text)) out.push(d);
}
