// Counts that a verb names rather than a noun: "killed 15 and injured 45", "arrested at least
// 200", "12 were wounded". A reader lists these like "15 people", but the number has no noun
// after it, so find-figures would pass it by. Only verbs that count people (casualties,
// arrests, rescues, jobs) make a figure of a bare number: "won 3" or "had 2" do not.
import type { FoundFigure } from './find-figures';

const regular = (w: string): string => `${w}(?:ed|ing|s)?`;
const eStem = (w: string): string => `${w}(?:e|es|ed|ing)`;
/** Verbs whose object or subject is a number of people (hand-written). */
const VERB = [
  ...['kill', 'wound', 'arrest', 'detain', 'abduct', 'deport', 'jail', 'imprison', 'employ'].map(regular),
  // not "release": an album or a statement is released as often as a prisoner
  ...['injur', 'displac', 'evacuat', 'rescu', 'captur', 'execut', 'hospitali[sz]', 'hir'].map(eStem),
  'kidnap(?:ped|ping|s)?',
  'free(?:d|ing|s)?',
  'hurt(?:ing|s)?',
  'laid off',
  'lay(?:ing|s)? off',
].join('|');
const QUALIFIER = String.raw`(?:at least|more than|fewer than|less than|as many as|up to|an estimated|nearly|almost|about|around|over|some|roughly|approximately)`;
const SPELLED = String.raw`(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens|scores|hundreds|thousands)`;
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+|${SPELLED})(?![\d,.]*\d)`;
/** "killed 15", "injuring at least 45": the verb, then the number it counts. */
const ACTIVE = new RegExp(String.raw`\b(?:${VERB})\s+(?:${QUALIFIER}\s+)?(${NUMBER})\b`, 'gi');
/** "12 were killed", "30 have been detained". */
const PASSIVE = new RegExp(
  String.raw`(?<![\w.,$£€¥])(${NUMBER})\s+(?:were|was|are|have been|had been|has been)\s+(?:${VERB})\b`,
  'gi',
);
const YEAR = /^(?:1[6-9]|20)\d\d$/;
/** After the number, these say it is part of something else: a score, a time, a date. */
const NOT_A_COUNT_AFTER = /^(?:[:/]\d|\s*(?:%|per ?cent|percent|to \d|-\d|times)\b)/i;

/** Adds the verb-counted figures that no found figure covers yet. */
export function addVerbFigures(text: string, out: FoundFigure[]): void {
  const found: FoundFigure[] = [];
  for (const re of [ACTIVE, PASSIVE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const num = m[1]!;
      const numStart = re === ACTIVE ? m.index + m[0].length - num.length : m.index;
      const numEnd = numStart + num.length;
      if (YEAR.test(num) || NOT_A_COUNT_AFTER.test(text.slice(numEnd, numEnd + 8))) continue;
      // "killed 15 people" is already the figure "15 people"
      if (out.some((f) => f.start < numEnd && numStart < f.end)) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ start, end, text: m[0] });
    }
  }
  out.push(...found);
}
