// Times named relative to the article's date: "last year", "this month", "next week", "two
// years ago", "the past 24 hours", "over the last 12 months". chrono-node reads some of these,
// but always as one day ("last week" is a Friday, "two years ago" a day two years back); here
// each is resolved as precisely as its words are: a year, a month, a day, or a period written
// as an ISO 8601 interval ("2023-05/2024-05"), which sorts by its start like the other dates.
//
// A bare duration ("for 12 months") names no time and is not a date: see find-figures.
import type { FoundDate } from './find-dates';

type Unit = 'hour' | 'day' | 'week' | 'month' | 'year' | 'decade';

const COUNTS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
};
const COUNT = String.raw`(?:\d{1,3}|${Object.keys(COUNTS).join('|')})`;
const UNIT = String.raw`(hour|day|week|month|year|decade)s?`;

/** "last year", "this month", "next week": a calendar unit next to the article's own. */
const CALENDAR = new RegExp(String.raw`\b(last|this|next)\s+(week|month|year)\b`, 'gi');
/** "two years ago", "a week ago"; "several years ago" names a time too, but not which. */
// "5,000 years ago" is before any date the timeline holds: the lookbehind leaves it out
const AGO = new RegExp(String.raw`(?<![\d,.])\b(${COUNT}|several|a few|few|many|some)\s+${UNIT}\s+ago\b`, 'gi');
/** "the past 24 hours", "the last 12 months", "(over) the next two years". */
const PERIOD = new RegExp(String.raw`\b(?:(the)\s+)?(past|last|next|coming)\s+(?:(${COUNT})\s+)?${UNIT}\b`, 'gi');
/** "his last year", "a next step": owned or counted, the words are not about the article's date. */
const OWNER_BEFORE = /\b(?:the|a|his|her|its|their|our|my|your|whose)\s+$/i;
/**
 * "the next two years" tells of the article's future only after these ("over the next…");
 * "for the next two years" is as often a story's own time ("For the next two years, she…").
 */
const FUTURE_LEAD = /\b(?:over|in|within|during)\s+$/i;
/** "will last 120 hours", "meant to last three years": the verb. */
const LAST_AS_VERB = /\b(?:will|would|to|can|could|may|might|should|must|did|does|do|not|n't)\s+$/i;

const pad = (n: number): string => String(n).padStart(2, '0');
const dayOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const monthOf = (d: Date): string => dayOf(d).slice(0, 7);
const yearOf = (d: Date): string => String(d.getFullYear());

/** `ref` moved by `n` units (negative: back), on the calendar, not by milliseconds. */
function shift(ref: Date, unit: Unit, n: number): Date {
  const d = new Date(ref.getTime());
  if (unit === 'hour') d.setHours(d.getHours() + n);
  else if (unit === 'day') d.setDate(d.getDate() + n);
  else if (unit === 'week') d.setDate(d.getDate() + 7 * n);
  else if (unit === 'month') d.setMonth(d.getMonth() + n);
  else d.setFullYear(d.getFullYear() + n * (unit === 'decade' ? 10 : 1));
  return d;
}

/** How finely a span of such units is told: "24 hours" by days, "12 months" by months. */
function format(unit: Unit): (d: Date) => string {
  if (unit === 'hour' || unit === 'day' || unit === 'week') return dayOf;
  return unit === 'decade' ? yearOf : monthOf;
}

function interval(from: Date, to: Date, unit: Unit): string {
  const f = format(unit);
  const a = f(from);
  const b = f(to);
  return a === b ? a : `${a}/${b}`;
}

function countOf(word: string | undefined): number | null {
  if (word === undefined) return 1;
  const n = /^\d+$/.test(word) ? Number(word) : COUNTS[word.toLowerCase()];
  return n !== undefined && n > 0 ? n : null;
}

const unitOf = (s: string): Unit => s.toLowerCase() as Unit;

export function findRelativeDates(text: string, ref: Date | undefined): FoundDate[] {
  const out: FoundDate[] = [];
  const add = (start: number, phrase: string, resolve: (r: Date) => string): void => {
    const end = start + phrase.length;
    if (out.some((d) => d.start < end && start < d.end)) return;
    out.push({ start, end, text: phrase, resolved: ref ? resolve(ref) : null });
  };
  const before = (i: number): string => text.slice(Math.max(0, i - 12), i);
  let m: RegExpExecArray | null;

  AGO.lastIndex = 0;
  while ((m = AGO.exec(text)) !== null) {
    const n = countOf(m[1]);
    const unit = unitOf(m[2]!);
    if (n === null) {
      out.push({ start: m.index, end: m.index + m[0].length, text: m[0], resolved: null });
      continue;
    }
    add(m.index, m[0], (r) => {
      const d = shift(r, unit, -n);
      return unit === 'year' || unit === 'decade' ? yearOf(d) : format(unit)(d);
    });
  }

  PERIOD.lastIndex = 0;
  while ((m = PERIOD.exec(text)) !== null) {
    const [, the, wordRaw, countWord, unitWord] = m;
    const word = wordRaw!.toLowerCase();
    const unit = unitOf(unitWord!);
    const n = countOf(countWord);
    const plural = /s$/i.test(m[0]);
    // "last year" (no "the", no count) is the calendar year; "the last year of the war" is no period
    if (n === null || (word === 'last' && !the && !countWord && unit !== 'decade')) continue;
    if (plural !== (countWord !== undefined && n > 1) || /^\s+of\b/i.test(text.slice(m.index + m[0].length))) continue;
    const lead = m.index;
    if (!the && (OWNER_BEFORE.test(before(lead)) || (word === 'last' && LAST_AS_VERB.test(before(lead))))) continue;
    const future = word === 'next' || word === 'coming';
    if (future && (!the || !FUTURE_LEAD.test(before(lead)))) continue;
    const start = the ? lead + m[0].indexOf(wordRaw!, the.length) : lead;
    add(start, text.slice(start, lead + m[0].length), (r) =>
      future ? interval(r, shift(r, unit, n), unit) : interval(shift(r, unit, -n), r, unit),
    );
  }

  CALENDAR.lastIndex = 0;
  while ((m = CALENDAR.exec(text)) !== null) {
    if (OWNER_BEFORE.test(before(m.index))) continue;
    const step = { last: -1, this: 0, next: 1 }[m[1]!.toLowerCase() as 'last' | 'this' | 'next'];
    const unit = unitOf(m[2]!);
    add(m.index, m[0], (r) => {
      if (unit === 'year') return String(r.getFullYear() + step);
      if (unit === 'month') return monthOf(new Date(r.getFullYear(), r.getMonth() + step, 1));
      // a week from Monday to Sunday
      const monday = new Date(r.getFullYear(), r.getMonth(), r.getDate() - ((r.getDay() + 6) % 7) + 7 * step);
      return interval(monday, shift(monday, 'day', 6), 'day');
    });
  }
  return out.sort((a, b) => a.start - b.start);
}
