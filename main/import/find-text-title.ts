// Finds the headline of a plain-text article the way a person would. A page saved as text (a browser's
// "Save as text", lynx or w3m) opens with the site's navigation, often for 20–200 lines, and repeats its
// headline (page title, heading, image alt); taking the first line would title it "Skip to content".
// The signals: the file is named after it, the page repeats it, a byline or date follows it, and the
// article's first paragraphs follow soon after.
import { countWordsIn, splitBlocks, squash, type TextBlock } from './text-blocks';
import {
  bylineOf,
  endsLikeSentence,
  isBreadcrumb,
  isCommentsLabel,
  isCreditLine,
  isDateLine,
  isFooterLine,
  isListBlock,
  isNavigationLine,
  isProse,
  isRelatedLabel,
  isShareLine,
  nameBeforeDate,
  findDate,
  hasInlineCredit,
  isAdBlock,
} from './text-shapes';

/** How far down a headline may sit: lynx dumps of news pages put it 200 lines down. */
const HEAD_BLOCKS = 400;
const HEAD_CHARS = 60_000;
/** A repeat of the headline counts when it is this many blocks away at most. */
const REPEAT_WINDOW = 30;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** Headline-shaped: a short single line, no final period, not navigation, a byline or a credit. */
export function isTitleLike(line: string): boolean {
  const cjk = line.match(CJK)?.length ?? 0;
  if (line.length > 200 || (cjk < 5 && line.length < 15)) return false;
  if (/[.:;,]$/.test(line) && !/\.\.\.$|…$/.test(line)) return false;
  const words = countWordsIn(line);
  if (cjk < 5 && (words < 3 || words > 20)) return false;
  if (/_{4,}|\(BUTTON\)|\[BUTTON|\[\s*\]|^\[[^\]]*\]$/.test(line)) return false;
  if (
    /https?:\/\/|www\.|©|^[^\p{L}\p{N}'"‘“«¿¡(]|\.(?:jpe?g|png|gif|webp|svg)\b|\b\d[\d,.]* (?:views|shares|comments)\b/iu.test(
      line,
    )
  )
    return false;
  if (hasInlineCredit(line) || /\/(?:Reuters|AP|AFP|Getty Images|EPA)\b/.test(line)) return false;
  if (/^by\s/i.test(line) || bylineOf(line) || isDateLine(line) || nameBeforeDate(line)) return false;
  if (isAdBlock({ start: 0, end: line.length, lines: [line], flat: line, words })) return false;
  return !(
    isNavigationLine(line) ||
    isBreadcrumb(line) ||
    isShareLine(line) ||
    isCreditLine(line) ||
    isRelatedLabel(line) ||
    isCommentsLabel(line) ||
    isFooterLine(line)
  );
}

function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a file name, for "Save as" names: "After_Attack-in Russia.txt" → "after attack in russia". */
function fileWords(name: string | undefined): string | null {
  if (!name) return null;
  const base = (name.split(/[\\/]/).pop() ?? name).replace(/\.[^.]{1,8}$/, '');
  const words = fold(base.replace(/[_+]/g, ' '));
  return words.split(' ').length >= 3 || (words.match(CJK)?.length ?? 0) >= 5 ? words : null;
}

/** The file is named after the line (or the line after the file, when the name was cut short). */
function namedAfter(line: string, file: string | null): boolean {
  if (!file) return false;
  const l = fold(line);
  return l === file || (file.startsWith(l + ' ') && l.length >= 15) || (l.startsWith(file + ' ') && file.length >= 20);
}

/** One line, or a long headline wrapped over two or three: never a stack of menu items. */
function isHeadlineBlock(block: TextBlock): boolean {
  if (block.lines.length > 3 || isListBlock(block) || !isTitleLike(block.flat)) return false;
  if (block.lines.length === 1) return true;
  const lines = block.lines.map(squash);
  return lines[0]!.length >= 35 && lines.every((l) => !isNavigationLine(l) && !isShareLine(l));
}

export interface TitleFound {
  /** Index of the block in the list given. */
  index: number;
  title: string;
}

/** Chrome that may come before the headline without making it doubtful (cookie notices, JS warnings). */
const CHROME_PROSE =
  /\b(?:cookies?|javascript|browser|site|website|subscribe|newsletter|sign in|account|ad ?blocker)\b/i;

/**
 * The headline among `blocks`, or null when nothing stands out. A candidate scores for each signal;
 * one that comes after the article has begun (real prose) is a subheading, not the title.
 */
export function findTitleBlock(blocks: readonly TextBlock[], fileName?: string): TitleFound | null {
  const file = fileWords(fileName);
  const head: TextBlock[] = [];
  for (const b of blocks) {
    if (head.length >= HEAD_BLOCKS || b.start > HEAD_CHARS) break;
    head.push(b);
  }
  const folded = head.map((b) => fold(b.flat));

  let best: { index: number; score: number } | null = null;
  let proseSeen = 0;
  for (let i = 0; i < head.length; i++) {
    const block = head[i]!;
    if (isProse(block) && !CHROME_PROSE.test(block.flat)) proseSeen++;
    if (proseSeen >= 2 && !namedAfter(block.flat, file)) break;
    if (!isHeadlineBlock(block)) continue;
    const score = scoreCandidate(head, folded, i, file);
    if (score > (best?.score ?? 0)) best = { index: i, score };
  }
  if (best && best.score >= 2) return { index: best.index, title: head[best.index]!.flat };
  // Nothing stands out: the first headline-shaped block near the top, else a short first line.
  const early = head.slice(0, 10).findIndex(isHeadlineBlock);
  if (early >= 0) return { index: early, title: head[early]!.flat };
  const first = head[0];
  if (first && first.lines.length === 1 && first.flat.length <= 150 && !endsLikeSentence(first.flat)) {
    if (!bylineOf(first.flat) && !isNavigationLine(first.flat)) return { index: 0, title: first.flat };
  }
  return null;
}

function scoreCandidate(head: readonly TextBlock[], folded: readonly string[], i: number, file: string | null): number {
  const f = folded[i]!;
  let score = 0;
  if (namedAfter(head[i]!.flat, file)) score += 6;
  // Repeated close by, as is or as the page title with the site after it ("Headline | Site").
  let repeats = 0;
  for (let j = Math.max(0, i - REPEAT_WINDOW); j < Math.min(folded.length, i + REPEAT_WINDOW); j++) {
    const g = folded[j]!;
    if (j === i) continue;
    if (g === f || (g.startsWith(f + ' ') && g.length - f.length <= 40 && countWordsIn(g.slice(f.length)) <= 6)) {
      repeats++;
    }
  }
  if (repeats > 0) score += 3;
  // The article follows: a byline or date right away, or its first paragraph soon.
  for (let j = i + 1; j < Math.min(head.length, i + 16); j++) {
    const next = head[j]!;
    const meta = bylineOf(next.flat) || nameBeforeDate(next.flat) || isDateLine(next.flat);
    if (j <= i + 4 && meta) {
      score += 2;
      break;
    }
    if (isProse(next)) {
      score += j - i - 1 <= 8 ? 2 : 1;
      break;
    }
  }
  // A line of Title Case or a sentence without its period reads as a headline; a lone phrase less so.
  if (countWordsIn(head[i]!.flat) >= 5) score += 0.5;
  return score;
}

/** The article's title, or null when the text gives no usable one (the caller then uses the file name). */
export function findTextTitle(text: string, fileName?: string): string | null {
  return findTitleBlock(splitBlocks(text.slice(0, HEAD_CHARS)), fileName)?.title ?? null;
}

/** A "By Jane Doe" line near the top, or null. */
export function findTextByline(text: string): string | null {
  for (const block of splitBlocks(text.slice(0, HEAD_CHARS)).slice(0, 25)) {
    for (const line of block.lines) {
      const name = bylineOf(squash(line));
      if (name) return name;
    }
  }
  return null;
}

/** A short dateline near the top ("March 28, 2024", "2024-03-28"), or null. Dates inside prose are ignored. */
export function findTextDate(text: string): string | null {
  for (const block of splitBlocks(text.slice(0, HEAD_CHARS)).slice(0, 25)) {
    if (block.flat.length > 60) continue;
    const date = findDate(block.flat);
    if (date) return date;
  }
  return null;
}
