// Key figures: amounts of money, percentages, and numbers together with what they count
// ("1,700 militants", "4,000 to 6,000 fighters").

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
    String.raw`(?:\s?(?:-|–|to|or|and)\s?${CURRENCY}?\s?${NUM}${SCALE}?)?` +
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
    'least also not no yes am pm a.m p.m gmt utc est bst cet edt pdt st nd rd th times each every all some'
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
    const money = Boolean(m[1] || m[4]);
    const percent = Boolean(m[3]);
    if (!money && !percent) {
      const num = m[2]!;
      if (text[end] === ':' || text[end] === '/' || text[start - 1] === '/') continue; // times, dates, scores
      const noun = countedNoun(text, end);
      if (noun === end) continue;
      if (/^(?:1[6-9]|20)\d\d$/.test(num) && !/^\s+(?:people|men|women|troops|soldiers)/.test(text.slice(end))) continue;
      end = noun;
    }
    out.push({ start, end, text: text.slice(start, end) });
    QUANTITY.lastIndex = Math.max(QUANTITY.lastIndex, end);
  }
  return out;
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
