// One page's text, from pdf.js's text items to paragraphs in reading order.
import { readingOrder } from './columns';
import { buildParagraphs, type Paragraph } from './paragraphs';
import { buildLines, type TextLine, type TextPiece } from './text-lines';

export interface PageText {
  /** In reading order, each with the lines it was joined from. */
  paragraphs: Paragraph[];
  /** The page's lines top to bottom, page numbers dropped: for the heading guess. */
  lines: TextLine[];
}

/** A running header or footer that is only the page number: "12", "- 12 -", "Page 12", "12 / 40". */
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?(?:\s*[-–—])?$/iu;

/** The top and bottom lines of the page dropped when they are only a page number. */
function dropPageNumbers(lines: TextLine[]): TextLine[] {
  if (lines.length < 2) return lines;
  let out = lines;
  if (PAGE_NUMBER.test(out[0]!.text)) out = out.slice(1);
  if (out.length > 1 && PAGE_NUMBER.test(out.at(-1)!.text)) out = out.slice(0, -1);
  return out;
}

export function assemblePage(pieces: readonly TextPiece[]): PageText {
  const lines = dropPageNumbers(buildLines(pieces));
  return { paragraphs: buildParagraphs(readingOrder(lines)), lines };
}

/**
 * The largest type on the page, when it is larger than the body text: the consecutive lines set in
 * it, first ones first, joined. A cover page's title, where the metadata names only "Document1".
 */
export function guessHeading(lines: readonly TextLine[]): string | null {
  if (lines.length === 0) return null;
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  // The lower median: with two lines (a title and one of body text) the body is the smaller.
  const body = sizes[Math.floor((sizes.length - 1) / 2)]!;
  const largest = sizes.at(-1)!;
  if (lines.length > 1 && largest < 1.15 * body) return null;
  const big = (l: TextLine) => l.size >= 0.95 * largest;
  const start = lines.findIndex(big);
  const parts: string[] = [];
  for (let i = start; i < lines.length && big(lines[i]!) && parts.length < 4; i++) parts.push(lines[i]!.text);
  const heading = parts.join(' ').replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(heading) || heading.length > 300) return null;
  return heading;
}
