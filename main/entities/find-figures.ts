// Key figures: amounts of money, percentages, and numbers together with what they count
// ("1,700 militants", "4,000 to 6,000 fighters", and by their verb, "killed 15").
//
// A pure duration written in figures ("for 12 months", "a 48-hour curfew") is a figure: it is
// an amount of time, with no place on the timeline the dates make. Only when the text ties it
// to the article's date ("the past 12 months", "12 months ago") is it a date (find-dates), and
// then not a figure too. Spelled-out spans of time stay out ("two decades"): they tell a story.
import { addVerbFigures } from './find-verb-figures';

export interface FoundFigure {
  start: number;
  end: number;
  text: string;
}

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const CURRENCY = String.raw`(?:US\$|A\$|C\$|\$|£|€|¥|₹)`;
const SCALE = String.raw`(?:\s(?:million|billion|trillion|thousand|hundred)\b|(?:bn|mn|m|k)\b)`;
const QUANTITY = new RegExp(
  String.raw`(?<![\w.,$£€¥])(${CURRENCY})?\s?(${NUM})${SCALE}?` +
    String.raw`(\s?(?:-|–|to|or|and)\s?${CURRENCY}?\s?${NUM}${SCALE}?)?` +
    String.raw`(\s?%|\s(?:percent|per cent)\b)?` +
    String.raw`(?:\s(dollars|euros|pounds|yen|rupees|yuan|francs|marks|rubles|roubles)\b)?`,
  'g',
);
const WORD = /^\s+([\p{L}][\p{L}'’-]*)/u;
const STOP = new Set(
  (
    'a an the of in on at to for and or but from by with than as per is are was were be been being has have had will would ' +
    'can could may might must shall should do does did said says say it its this that these those there their they he she we ' +
    'you i his her our your who which what when where while after before over under about into out up down more less most ' +
    'least also not no yes am pm a.m p.m gmt utc est bst cet edt pdt st nd rd th times each every all some today yesterday ' +
    'tomorrow tonight now ago near around across outside inside along beyond behind below above beside between among ' +
    'amid within without against toward towards through throughout since until till despite including via onto upon ' +
    'off like unlike if because so yet then just only even still again already later earlier back'
  ).split(' '),
);

export function findFigures(text: string): FoundFigure[] {
  const out: FoundFigure[] = [];
  QUANTITY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUANTITY.exec(text)) !== null) {
    if (m[0].trim() === '') {
      QUANTITY.lastIndex++;
      continue;
    }
    const start = m.index + (m[0].length - m[0].trimStart().length);
    let end = m.index + m[0].trimEnd().length;
    const money = Boolean(m[1] || m[5]);
    const percent = Boolean(m[4]);
    if (!money && !percent) {
      const num = m[2]!;
      if (text[end] === ':' || text[end] === '/' || text[start - 1] === '/') continue; // times, dates, scores
      const noun = countedNoun(text, end);
      if (noun === end && !isRange(text, start, m[3])) continue;
      if (/^(?:1[6-9]|20)\d\d$/.test(num) && !/^\s+(?:people|men|women|troops|soldiers)/.test(text.slice(end)))
        continue;
      end = noun;
    }
    out.push({ start, end, text: text.slice(start, end) });
    QUANTITY.lastIndex = Math.max(QUANTITY.lastIndex, end);
  }
  addSpelled(text, out);
  addVerbFigures(text, out);
  return out.sort((a, b) => a.start - b.start);
}

/** "4,000 to 6,000" is a figure even when what it counts was named before it; "9 and 12" is not. */
function isRange(text: string, start: number, range: string | undefined): boolean {
  if (!range) return false;
  const numbers = text.slice(start).match(/\d[\d,.]*/g) ?? [];
  if (numbers.slice(0, 2).every((n) => /^(?:1[6-9]|20)\d\d$/.test(n))) return false; // years
  return /^\s?(?:-|–|to)/.test(range) || /\bbetween\s+$/i.test(text.slice(Math.max(0, start - 10), start));
}

const SPELLED = new RegExp(
  String.raw`\b(?<!-)(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|(?:a |one )?hundred|(?:a |one )?thousand|dozens of|hundreds of|thousands of)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?\b(?!-)`,
  'gi',
);
/** Spans of time are not key figures when spelled out ("two decades", "ten years"). */
const TIME_UNIT =
  /\s(?:\S+\s)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|times|nights?|mornings?|evenings?)$/i;

/** "eleven people", "three fast boats": spelled-out numbers with what they count. */
function addSpelled(text: string, out: FoundFigure[]): void {
  SPELLED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPELLED.exec(text)) !== null) {
    const start = m.index;
    const numEnd = start + m[0].length;
    const end = countedNoun(text, numEnd);
    if (end === numEnd) continue;
    const phrase = text.slice(start, end);
    if (TIME_UNIT.test(phrase) || out.some((f) => f.start < end && start < f.end)) continue;
    out.push({ start, end, text: phrase });
  }
}

/** End offset of the one or two words naming what a number counts (or `end` if none). */
function countedNoun(text: string, end: number): number {
  const w1 = WORD.exec(text.slice(end, end + 60));
  if (!w1) return end;
  const word1 = w1[1]!;
  const end1 = end + w1[0].length;
  const lower1 = word1.toLowerCase();
  if (STOP.has(lower1)) return end;
  const w2 = WORD.exec(text.slice(end1, end1 + 60));
  const word2 = w2?.[1];
  const plural2 = word2 !== undefined && /^\p{Ll}[\p{Ll}-]*s$/u.test(word2) && !STOP.has(word2);
  if (/^\p{Lu}/u.test(word1)) return plural2 ? end1 + w2![0].length : end;
  if (!word1.endsWith('s') && plural2) return end1 + w2![0].length;
  const adjective = /(?:ed|al|ic|ian|ese|ish|ive|ous|ful|ing|ary|ern|old)$/.test(lower1);
  if (adjective && word2 !== undefined && /^\p{Ll}/u.test(word2) && !STOP.has(word2)) return end1 + w2![0].length;
  return end1;
}
