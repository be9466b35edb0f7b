// Reading order for pages set in two columns: the left column is read down before the right one.
import type { TextLine } from './text-lines';

/** A run of lines read in order; a new column starts a new stream. */
export type LineStream = TextLine[];

function crosses(line: TextLine, at: number): boolean {
  return line.x < at && line.right > at;
}

/**
 * The x of the gutter: in the middle two fifths of the text's width, the position that the fewest
 * lines cross (nearest the middle on a tie). Null when the page is too narrow to hold columns.
 */
function gutterAt(lines: readonly TextLine[]): number | null {
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.right));
  const width = right - left;
  if (!(width > 0)) return null;
  const middle = left + width / 2;
  let best = middle;
  let fewest = Infinity;
  for (let x = left + width * 0.3; x <= left + width * 0.7; x += width / 100) {
    const count = lines.filter((l) => crosses(l, x)).length;
    if (count < fewest || (count === fewest && Math.abs(x - middle) < Math.abs(best - middle))) {
      fewest = count;
      best = x;
    }
  }
  return best;
}

/** Two columns are there when several lines sit on each side of the gutter, side by side in height. */
function isTwoColumn(lines: readonly TextLine[], at: number): boolean {
  const leftSide = lines.filter((l) => l.right <= at);
  const rightSide = lines.filter((l) => l.x >= at);
  const crossing = lines.length - leftSide.length - rightSide.length;
  if (leftSide.length < 3 || rightSide.length < 3) return false;
  if (crossing > 0.25 * lines.length) return false;
  // Side by side: the two sides' height ranges overlap, rather than one following the other.
  const top = (side: TextLine[]) => Math.max(...side.map((l) => l.y));
  const bottom = (side: TextLine[]) => Math.min(...side.map((l) => l.y));
  return Math.min(top(leftSide), top(rightSide)) > Math.max(bottom(leftSide), bottom(rightSide));
}

/**
 * The page's lines (top to bottom) in reading order, as streams. On a two-column page a line that
 * spans the gutter (a title, a full-width figure caption) separates bands; within a band the left
 * column comes first, then the right.
 */
export function readingOrder(lines: readonly TextLine[]): LineStream[] {
  if (lines.length === 0) return [];
  const at = gutterAt(lines);
  if (at === null || !isTwoColumn(lines, at)) return [[...lines]];
  const streams: LineStream[] = [];
  let leftCol: TextLine[] = [];
  let rightCol: TextLine[] = [];
  const flush = () => {
    if (leftCol.length > 0) streams.push(leftCol);
    if (rightCol.length > 0) streams.push(rightCol);
    leftCol = [];
    rightCol = [];
  };
  for (const line of lines) {
    if (crosses(line, at)) {
      flush();
      const last = streams.at(-1);
      // Consecutive spanning lines (a two-line title) stay one stream.
      if (last && last.length > 0 && crosses(last.at(-1)!, at) && last.at(-1)!.y > line.y) last.push(line);
      else streams.push([line]);
    } else if (line.right <= at) leftCol.push(line);
    else rightCol.push(line);
  }
  flush();
  return streams;
}
