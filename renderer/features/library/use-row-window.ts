import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

/** Libraries up to this size render every row (content-visibility keeps that cheap); above it, only what is on screen. */
export const WINDOW_THRESHOLD = 400;
const OVERSCAN = 8;
const DEFAULT_ROW_HEIGHT = 72;

export interface RowWindow {
  windowed: boolean;
  start: number;
  end: number;
  rowHeight: number;
  /** Scrolls the scroll parent so row `index` is in view (windowed lists only render what is visible). */
  scrollToIndex: (index: number) => void;
}

function scrollParentOf(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return document.documentElement;
}

/**
 * Fixed-height windowing for big libraries. Rows are one line of title and
 * one of facts (both nowrap), so one measured height fits all of them.
 */
export function useRowWindow(list: RefObject<HTMLElement | null>, count: number): RowWindow {
  const windowed = count > WINDOW_THRESHOLD;
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 40) });
  const [rowHeight, setRowHeight] = useState(DEFAULT_ROW_HEIGHT);

  const measure = useCallback(() => {
    const element = list.current;
    if (!element || !windowed) return;
    const scroller = scrollParentOf(element);
    const firstRow = element.querySelector<HTMLElement>('li');
    const height = firstRow?.offsetHeight || rowHeight;
    if (height !== rowHeight) setRowHeight(height);
    const listTop = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const visibleFrom = Math.max(0, -listTop);
    const visibleTo = visibleFrom + scroller.clientHeight;
    const start = Math.max(0, Math.floor(visibleFrom / height) - OVERSCAN);
    const end = Math.min(count, Math.ceil(visibleTo / height) + OVERSCAN);
    // Chrome scroll-anchors on the focused element even with overflow-anchor: none; when the
    // focused row is about to leave the DOM, hand focus to the list so the scroll stays put.
    const focusedRow = document.activeElement?.closest<HTMLElement>('li[aria-posinset]');
    if (focusedRow && element.contains(focusedRow)) {
      const index = Number(focusedRow.getAttribute('aria-posinset')) - 1;
      if (index < start || index >= end) element.focus({ preventScroll: true });
    }
    setRange((current) => (current.start === start && current.end === end ? current : { start, end }));
  }, [count, list, rowHeight, windowed]);

  useLayoutEffect(() => {
    const element = list.current;
    if (!element || !windowed) return;
    measure();
    const scroller = scrollParentOf(element);
    const target: HTMLElement | Window = scroller === document.documentElement ? window : scroller;
    target.addEventListener('scroll', measure, { passive: true });
    window.addEventListener('resize', measure);
    return () => {
      target.removeEventListener('scroll', measure);
      window.removeEventListener('resize', measure);
    };
  }, [list, measure, windowed]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = list.current;
      if (!element || !windowed) return;
      const scroller = scrollParentOf(element);
      const listTop = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      const rowTop = listTop + index * rowHeight;
      // Leave room for the sticky toolbar above the list.
      const toolbar = scroller.querySelector<HTMLElement>('.library__toolbar')?.offsetHeight ?? 0;
      if (element.contains(document.activeElement) && document.activeElement !== element)
        element.focus({ preventScroll: true });
      if (rowTop - toolbar < scroller.scrollTop) scroller.scrollTop = rowTop - toolbar;
      else if (rowTop + rowHeight > scroller.scrollTop + scroller.clientHeight)
        scroller.scrollTop = rowTop + rowHeight - scroller.clientHeight;
      measure();
    },
    [list, measure, rowHeight, windowed],
  );

  return windowed
    ? { windowed, start: range.start, end: Math.min(range.end, count), rowHeight, scrollToIndex }
    : { windowed, start: 0, end: count, rowHeight, scrollToIndex };
}
