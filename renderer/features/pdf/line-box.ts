// Where a paragraph's box sits on its page: the union of its lines' boxes. The reader positions
// a paragraph there and its lines inside it, so the paragraph has a real box (the reading position
// and "scroll to" find blocks by their box) and the lines keep their places on the page.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function unionBox(boxes: readonly Box[]): Box | null {
  if (boxes.length === 0) return null;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/**
 * The horizontal scale that makes a line set in the text layer's font as wide as the line drawn
 * on the page: measured once at the line's own size, it holds at every zoom (both grow alike).
 */
export function lineStretch(drawnWidth: number, measuredWidth: number): number {
  if (!(drawnWidth > 0) || !(measuredWidth > 0)) return 1;
  return Math.round((drawnWidth / measuredWidth) * 1000) / 1000;
}
