import { getTextIndex, offsetsToRange } from '../../highlights/text-offsets';

const FLASH = 'gloss-flash';
let flashTimer: number | undefined;

/**
 * Scrolls a canonical range to a third of the way down the reading area and
 * flashes it with the CSS Custom Highlight API (no DOM change, so the
 * annotation marks are left alone).
 */
export function revealRange(root: HTMLElement, scroller: HTMLElement, start: number, end: number, smooth = true): boolean {
  const length = getTextIndex(root).length;
  if (start < 0 || start > length) return false;
  const stop = Math.min(length, Math.max(end, start));
  const range = offsetsToRange(root, start, stop);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const top = scroller.scrollTop + rect.top - scroller.getBoundingClientRect().top - scroller.clientHeight / 3;
  scroller.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
  if (stop > start && 'highlights' in CSS) {
    CSS.highlights.set(FLASH, new Highlight(range));
    window.clearTimeout(flashTimer);
    flashTimer = window.setTimeout(() => CSS.highlights.delete(FLASH), 1800);
  }
  return true;
}
