// Places a floating panel inside the scrolling reading area (position: relative),
// next to a rectangle measured in viewport coordinates.
export interface Placement {
  top: number;
  left: number;
  /** True when there was no room below and the panel sits above the rectangle. */
  above: boolean;
}

export function placeNear(
  rect: DOMRect,
  scroller: HTMLElement,
  size: { width: number; height: number },
  gap = 8,
): Placement {
  const box = scroller.getBoundingClientRect();
  const roomBelow = box.bottom - rect.bottom;
  const above = roomBelow < size.height + gap && rect.top - box.top > size.height + gap;
  const top = (above ? rect.top - size.height - gap : rect.bottom + gap) - box.top + scroller.scrollTop;
  // Start where the rectangle starts: the eye is already there.
  const start = rect.left - box.left + scroller.scrollLeft;
  const maxLeft = scroller.clientWidth - size.width - gap;
  const left = Math.max(gap, Math.min(start, maxLeft));
  return { top, left, above };
}

export function scrollerOf(root: HTMLElement | null): HTMLElement | null {
  return root?.closest<HTMLElement>('.reader__scroll') ?? null;
}

/**
 * Brings an element to the middle of the reading area. Element.scrollIntoView
 * would also scroll every scrollable ancestor, shifting the whole app shell.
 */
export function centreInScroller(scroller: HTMLElement, rect: DOMRect, smooth = false): void {
  const box = scroller.getBoundingClientRect();
  const top = scroller.scrollTop + rect.top - box.top - (scroller.clientHeight - rect.height) / 2;
  scroller.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' });
}
