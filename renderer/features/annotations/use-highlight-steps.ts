import { useCallback, useMemo, useRef, type RefObject } from 'react';
import { useReaderSession } from '../../reader-session/reader-session';
import { firstVisibleOffset } from '../reader/reading-position';

export interface HighlightSteps {
  next(): void;
  previous(): void;
  /** Highlights there are to step through (orphans have no place in the text). */
  count: number;
}

/**
 * Next / previous highlight from where the reader is: the first one after the top of the page (or after
 * the one stepped to last, while it is still on screen), revealed and flashed, and said as "3 of 12".
 */
export function useHighlightSteps(scroller: RefObject<HTMLElement | null>): HighlightSteps {
  const { annotations, root, revealRange, notify } = useReaderSession();
  const last = useRef<number | null>(null);
  // Sorted once per change of the annotations, not at every render of the reading screen.
  const placed = useMemo(
    () =>
      annotations
        .filter((a) => a.status !== 'orphan')
        .map((a) => a.target.selector[0])
        .sort((a, b) => a.start - b.start || a.end - b.end),
    [annotations],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      if (!root || !scroller.current) return;
      if (placed.length === 0) {
        notify('This article has no highlights yet.');
        return;
      }
      const visible = firstVisibleOffset(root, scroller.current);
      const onScreen = last.current !== null && last.current >= visible - 1;
      const base = onScreen ? last.current! : direction === 1 ? visible - 1 : visible;
      const index =
        direction === 1 ? placed.findIndex((p) => p.start > base) : placed.findLastIndex((p) => p.start < base);
      if (index < 0) {
        notify(direction === 1 ? 'No more highlights below.' : 'No more highlights above.');
        return;
      }
      const target = placed[index]!;
      last.current = target.start;
      revealRange(target.start, target.end);
      notify(`Highlight ${index + 1} of ${placed.length}.`);
    },
    [placed, root, scroller, revealRange, notify],
  );

  const next = useCallback(() => step(1), [step]);
  const previous = useCallback(() => step(-1), [step]);
  return { next, previous, count: placed.length };
}
