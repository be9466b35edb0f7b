// Which page the reader is on, and where in it: the page whose box holds the top of the reading
// area. Pages come in order down the column, so a binary search over their boxes finds it.
import type { PdfPageBox } from './text-layer';

export interface PageAnchor {
  index: number;
  /** How far down the page the top of the view is, 0–1. */
  fraction: number;
}

export function pageAtTop(pages: readonly PdfPageBox[], scroller: HTMLElement): PageAnchor | null {
  if (pages.length === 0) return null;
  const top = scroller.getBoundingClientRect().top + 1;
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (pages[mid]!.section.getBoundingClientRect().bottom <= top) low = mid + 1;
    else high = mid;
  }
  const rect = pages[low]!.section.getBoundingClientRect();
  const fraction = rect.height > 0 ? Math.min(1, Math.max(0, (top - rect.top) / rect.height)) : 0;
  return { index: low, fraction };
}

/** Scrolls so that `anchor` is at the top of the reading area again (after a zoom). */
export function scrollToAnchor(pages: readonly PdfPageBox[], scroller: HTMLElement, anchor: PageAnchor): void {
  const page = pages[anchor.index];
  if (!page) return;
  const rect = page.section.getBoundingClientRect();
  const offset = rect.top - scroller.getBoundingClientRect().top + anchor.fraction * rect.height;
  scroller.scrollTop += offset;
}
