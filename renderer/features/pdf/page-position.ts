// Which page the reader is on: the page that fills most of the reading area (what "Page N of M"
// says), and for keeping the place through a zoom, the page at the top of the view and how far
// into it. Pages come in order down the column, so a binary search over their boxes finds them.
import type { PdfPageBox } from './text-layer';

export interface PageAnchor {
  index: number;
  /** How far down the page the top of the view is, 0–1. */
  fraction: number;
}

/** The index of the first page whose bottom is below `top` (the last page if none is). */
function firstBelow(pages: readonly PdfPageBox[], top: number): number {
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pages[mid]!.section.getBoundingClientRect().bottom <= top) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function pageAtTop(pages: readonly PdfPageBox[], scroller: HTMLElement): PageAnchor | null {
  if (pages.length === 0) return null;
  const top = scroller.getBoundingClientRect().top + 1;
  const low = firstBelow(pages, top);
  const rect = pages[low]!.section.getBoundingClientRect();
  const fraction = rect.height > 0 ? Math.min(1, Math.max(0, (top - rect.top) / rect.height)) : 0;
  return { index: low, fraction };
}

/** The index of the page that shows most in the reading area, or -1 when there are none. */
export function mostVisiblePage(pages: readonly PdfPageBox[], scroller: HTMLElement): number {
  if (pages.length === 0) return -1;
  const view = scroller.getBoundingClientRect();
  let best = firstBelow(pages, view.top);
  let most = -1;
  for (let i = best; i < pages.length; i++) {
    const rect = pages[i]!.section.getBoundingClientRect();
    if (rect.top >= view.bottom) break;
    const shown = Math.min(rect.bottom, view.bottom) - Math.max(rect.top, view.top);
    if (shown > most) {
      most = shown;
      best = i;
    }
  }
  return best;
}

/** Scrolls so that `anchor` is at the top of the reading area again (after a zoom). */
export function scrollToAnchor(pages: readonly PdfPageBox[], scroller: HTMLElement, anchor: PageAnchor): void {
  const page = pages[anchor.index];
  if (!page) return;
  const rect = page.section.getBoundingClientRect();
  const offset = rect.top - scroller.getBoundingClientRect().top + anchor.fraction * rect.height;
  scroller.scrollTop += offset;
}
