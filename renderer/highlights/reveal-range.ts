import { layerFor } from './highlight-layer';
import { getTextIndex, offsetsToRange } from './text-offsets';

/**
 * Scrolls a canonical range to a third of the way down the reading area and
 * flashes it. The flash belongs to the article's highlight layer (one
 * `gloss-flash` highlight, one timer), so a reveal and a layer flash never
 * unregister each other.
 */
export function revealRange(
  root: HTMLElement,
  scroller: HTMLElement,
  start: number,
  end: number,
  smooth = true,
): boolean {
  const length = getTextIndex(root).length;
  if (start < 0 || start > length) return false;
  const stop = Math.min(length, Math.max(end, start));
  // At least one character, so an empty range at a block boundary still measures in its own block.
  const range = offsetsToRange(
    root,
    Math.min(start, Math.max(0, length - 1)),
    Math.max(stop, Math.min(start + 1, length)),
  );
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  const top = scroller.scrollTop + rect.top - scroller.getBoundingClientRect().top - scroller.clientHeight / 3;
  scroller.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
  if (stop > start) layerFor(root)?.flashRange(start, stop, 1800);
  return true;
}
