// Where each line of a page's paragraphs sits on the page, for the reader's text layer over the
// drawn page: boxes in PDF units (points at 100 %), from the page's top-left corner, as pdf.js's
// viewport at scale 1 has them. Pure: the tests feed it paragraphs built from synthetic lines.
import type { Paragraph } from './paragraphs';

/** A line's box: left, top, width and height in PDF units, y growing downwards. */
export interface LineBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One line's share of a paragraph's text (see ParagraphLine) and its box; null when it has none. */
export interface LaidLine {
  text: string;
  joined: boolean;
  box: LineBox | null;
}

/** A page's size in PDF units and its paragraphs as lines (parallel to the page's paragraph texts). */
export interface PageLayout {
  width: number;
  height: number;
  paragraphs: LaidLine[][];
}

/** How far above the baseline a line's box starts, in font sizes (pdf.js's text layer default ascent). */
const ASCENT = 0.8;

/** Rounded to a tenth of a point: finer than a pixel at 400 %, and short in the markup. */
function tenth(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * The layout of a page whose media box is `view` ([x0, y0, x1, y1], pdf.js's page.view) and which
 * is turned by `rotate` degrees; the first `framed` paragraphs lie in the page's own frame, the rest
 * were read turned (turned-text.ts). Lines of a turned page, and turned lines, get no box: their text
 * runs across the page's own axes, which a horizontal line box cannot follow (the reader shows such
 * text as text, beside nothing).
 */
export function pageLayout(
  paragraphs: readonly Paragraph[],
  view: readonly number[],
  rotate: number,
  framed = paragraphs.length,
): PageLayout {
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = view;
  const upright = ((rotate % 360) + 360) % 360 === 0;
  return {
    width: tenth(Math.abs(x1 - x0)),
    height: tenth(Math.abs(y1 - y0)),
    paragraphs: paragraphs.map((p, i) =>
      p.lines.map(({ line, text, joined }) => ({
        text,
        joined,
        box:
          upright && i < framed
            ? {
                x: tenth(line.x - Math.min(x0, x1)),
                y: tenth(Math.max(y0, y1) - (line.y + ASCENT * line.size)),
                w: tenth(Math.max(0, line.right - line.x)),
                h: tenth(line.size),
              }
            : null,
      })),
    ),
  };
}
