import { useEffect, type RefObject } from 'react';
import type { Annotation } from '../../../main/model/contract';
import { firstVisibleOffset } from '../reader/reading-position';

/** How long the article must rest before the list moves: following every frame of a scroll would flicker. */
const SETTLE_MS = 150;

/**
 * Keeps the annotation list beside the reading: once the article stops scrolling, the first highlight at
 * or after the top of the page is marked as where the reader is and scrolled into the list's view,
 * unless the reader is using the list (pointer over it, or focus in it).
 */
export function useFollowReading(
  list: RefObject<HTMLElement | null>,
  placed: readonly Annotation[],
  root: HTMLElement | null,
): void {
  useEffect(() => {
    const scroller = root?.closest<HTMLElement>('.reader__scroll');
    if (!root || !scroller || placed.length === 0) return;
    let timer = 0;
    let current: Element | null = null;
    const follow = () => {
      const items = list.current;
      if (!items) return;
      const offset = firstVisibleOffset(root, scroller);
      const index = placed.findIndex((a) => a.target.selector[0].end > offset);
      const target = placed[index === -1 ? placed.length - 1 : index]!;
      const item = items.querySelector(`[data-annotation-id="${CSS.escape(target.id)}"]`);
      if (item === current) return;
      current?.removeAttribute('aria-current');
      current = item;
      if (!item) return;
      item.setAttribute('aria-current', 'true');
      const busy = items.matches(':hover') || items.contains(document.activeElement);
      if (!busy) bringIntoView(item);
    };
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(follow, SETTLE_MS);
    };
    follow();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.clearTimeout(timer);
      scroller.removeEventListener('scroll', onScroll);
      current?.removeAttribute('aria-current');
    };
  }, [list, placed, root]);
}

/**
 * Scrolls the sidebar's own pane, instantly, so the item is in view. Not scrollIntoView: a smooth one
 * would cancel the article's own smooth scroll in Chromium, and either walks every scrolling ancestor.
 */
function bringIntoView(item: Element): void {
  const pane = item.closest<HTMLElement>('[role="tabpanel"]');
  if (!pane) return;
  const box = item.getBoundingClientRect();
  const view = pane.getBoundingClientRect();
  if (box.top < view.top) pane.scrollTop -= view.top - box.top;
  else if (box.bottom > view.bottom) pane.scrollTop += Math.min(box.bottom - view.bottom, box.top - view.top);
}
