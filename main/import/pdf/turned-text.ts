// Text set at a right angle to the page: a table turned sideways in a report, or every line of a page
// turned by /Rotate whose content was drawn turned the other way so that it reads upright. Each run is
// read in a frame turned with it, where it lies along a baseline like any other line, so the same
// assembly reads it; before, such text was left out of the article altogether.
import { assemblePage, type PageText } from './page-text';
import type { TextPiece } from './text-lines';

/** A run's direction, counter-clockwise in PDF user space, in quarter turns. */
export type QuarterTurn = 0 | 90 | 180 | 270;

/** What pdf.js gives for one text item. */
export interface RawTextItem {
  str: string;
  /** [a, b, c, d, e, f]: the text matrix times the page's. */
  transform: readonly number[];
  width: number;
  height: number;
}

/** How far off a quarter turn a run may lie and still be read as one (about half a degree). */
const SKEW = 0.01;

/** The run's quarter turn, or null for text that is skewed, mirrored or of no size. */
export function quarterOf(transform: readonly number[]): QuarterTurn | null {
  const [a = 0, b = 0, c = 0, d = 0] = transform;
  const scale = Math.hypot(a, b);
  // A mirrored run (negative determinant) reads backwards in any frame.
  if (scale === 0 || a * d - b * c <= 0) return null;
  const [cos, sin] = [a / scale, b / scale];
  if (Math.abs(sin) < SKEW) return cos > 0 ? 0 : 180;
  if (Math.abs(cos) < SKEW) return sin > 0 ? 90 : 270;
  return null;
}

/** The item as a piece in the frame turned by `turn`, where its run is horizontal and reads left to right. */
export function turnedPiece(item: RawTextItem, turn: QuarterTurn): TextPiece {
  const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
  const size = Math.hypot(c, d) || item.height;
  // Turning the frame back by `turn` puts the run's direction on +x; y stays "up" for its lines.
  const [tx, ty] = turn === 0 ? [x, y] : turn === 90 ? [y, -x] : turn === 180 ? [-x, -y] : [-y, x];
  return { str: item.str, x: tx, y: ty, width: item.width, size };
}

export interface TurnedPageText extends PageText {
  /**
   * How many of the first paragraphs lie in the page's own frame (a quarter turn of 0): only those
   * can have line boxes over the drawn page.
   */
  framed: number;
}

/**
 * A page's text in reading order: first the text that reads upright as the page is shown (turned
 * by `rotate`, clockwise, pdf.js's page.rotate), then text at each other quarter turn, each in its own
 * frame. `lines` are the upright text's (for the heading guess).
 */
export function assembleTurnedPage(items: readonly RawTextItem[], rotate: number): TurnedPageText {
  const groups = new Map<QuarterTurn, TextPiece[]>();
  for (const item of items) {
    const turn = quarterOf(item.transform);
    if (turn === null) continue;
    const group = groups.get(turn) ?? [];
    group.push(turnedPiece(item, turn));
    groups.set(turn, group);
  }
  const shown = ((((Math.round(rotate / 90) * 90) % 360) + 360) % 360) as QuarterTurn;
  const order = ([0, 90, 180, 270] as const).map((k) => ((shown + k) % 360) as QuarterTurn);
  const out: TurnedPageText = { paragraphs: [], lines: [], framed: 0 };
  for (const turn of order) {
    const pieces = groups.get(turn);
    if (!pieces) continue;
    const text = assemblePage(pieces);
    if (turn === shown) out.lines = text.lines;
    // Line boxes are drawn over an unturned page only (page-layout.ts), so only a page shown as it
    // lies has text in its own frame first.
    if (turn === 0 && out.paragraphs.length === 0) out.framed = text.paragraphs.length;
    out.paragraphs.push(...text.paragraphs);
  }
  return out;
}
