import { layerFor } from './highlight-layer';
import { jumpAndSettle } from './settle-scroll';
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
  // How far the range's first line is from a third of the way down the reading area.
  const miss = () => {
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return rect.top - scroller.getBoundingClientRect().top - scroller.clientHeight / 3;
  };
  const by = miss();
  // Far away, a jump: smooth scrolling past pages of text tells the reader nothing, and in a long
  // (chunked) article the jump is aimed again as the chunks near the target are laid out.
  if (!smooth || Math.abs(by) > 2 * scroller.clientHeight) {
    jumpAndSettle(scroller, miss);
  } else scroller.scrollTo({ top: scroller.scrollTop + by, behavior: 'smooth' });
  if (stop > start) layerFor(root)?.flashRange(start, stop, 1800);
  return true;
}
