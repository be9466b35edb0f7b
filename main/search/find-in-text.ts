// Where a query's words stand in an article's text, and the snippet around the
// first of them, with the hits marked: so a result shows why it matched and opens
// at that place.
import { foldText } from './normalize-term';

export interface Snippet {
  text: string;
  /** [start, end) of each hit within `text`. */
  marks: Array<[number, number]>;
}

export interface TextHit {
  /** The first hit's place in the canonical text. */
  start: number;
  end: number;
  snippet: Snippet;
}

interface Folded {
  folded: string;
  /** Original offset of each folded character (and one past the end). */
  at: (i: number) => number;
}

function fold(text: string): Folded {
  const whole = foldText(text);
  // Folding keeps length for nearly all text (precomposed letters, quotes): then offsets are shared.
  if (whole.length === text.length) return { folded: whole, at: (i) => i };
  const map: number[] = [];
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const f = foldText(text[i]!);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
  }
  map.push(text.length);
  return { folded, at: (i) => map[Math.min(i, map.length - 1)]! };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for each needle: a phrase's words with any spacing between them; the last word may be a prefix. */
function patterns(words: string[], phrases: string[], prefixLast: boolean): RegExp[] {
  const edge = '(?<![\\p{L}\\p{N}])';
  const out = phrases.map(
    (p) => new RegExp(`${edge}${foldText(p).trim().split(/\s+/).map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu'),
  );
  words.forEach((w, i) => {
    const tail = prefixLast && i === words.length - 1 ? '' : '(?![\\p{L}\\p{N}])';
    out.push(new RegExp(`${edge}${escape(foldText(w))}${tail}`, 'gu'));
  });
  return out;
}

/** The first place a needle stands in `text`, with up to `radius` characters either side; null when none does. */
export function findInText(
  text: string,
  needles: { words: string[]; phrases: string[]; prefixLast: boolean },
  radius = 80,
): TextHit | null {
  const { folded, at } = fold(text);
  const found: Array<[number, number]> = [];
  for (const re of patterns(needles.words, needles.phrases, needles.prefixLast)) {
    for (const m of folded.matchAll(re)) {
      found.push([at(m.index), at(m.index + m[0].length)]);
      if (found.length > 200) break;
    }
  }
  if (found.length === 0) return null;
  found.sort((a, b) => a[0] - b[0]);
  const [start, end] = found[0]!;
  const from = wordStart(text, Math.max(0, start - radius));
  const to = wordEnd(text, Math.min(text.length, end + radius));
  const marks = found.filter(([s, e]) => s >= from && e <= to).map(([s, e]): [number, number] => [s - from, e - from]);
  return { start, end, snippet: { text: text.slice(from, to), marks } };
}

function wordStart(text: string, i: number): number {
  if (i === 0) return 0;
  const space = text.indexOf(' ', i);
  return space >= 0 && space - i < 20 ? space + 1 : i;
}

function wordEnd(text: string, i: number): number {
  if (i >= text.length) return text.length;
  const space = text.lastIndexOf(' ', i);
  return space > 0 && i - space < 20 ? space : i;
}
