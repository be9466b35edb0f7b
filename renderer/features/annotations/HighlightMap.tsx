import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { Annotation } from '../../../main/model/contract';
import { offsetsToRange } from '../../highlights/text-offsets';
import { useReaderSession } from '../../reader-session/reader-session';

interface Mark {
  annotation: Annotation;
  /** 0..1: how far down the article the highlight starts. */
  at: number;
}

/** More than this and the map shows the first ones only: a tick per pixel row is the most it can say. */
const MAX_MARKS = 1000;
const QUOTE_CHARS = 60;

/** Where each highlight sits in the laid-out article, as a fraction of the scroll height. */
function measure(root: HTMLElement, scroller: HTMLElement, placed: readonly Annotation[]): Mark[] {
  const height = scroller.scrollHeight;
  if (height === 0) return [];
  const top = scroller.getBoundingClientRect().top - scroller.scrollTop;
  return placed.map((annotation) => {
    const { start, end } = annotation.target.selector[0];
    const rect = offsetsToRange(root, start, Math.max(end, start + 1)).getBoundingClientRect();
    return { annotation, at: Math.min(1, Math.max(0, (rect.top - top) / height)) };
  });
}

function quoteOf(a: Annotation): string {
  const exact = a.target.selector[1].exact.replace(/\s+/g, ' ').trim();
  return exact.length > QUOTE_CHARS ? `${exact.slice(0, QUOTE_CHARS - 1)}…` : exact;
}

/**
 * A slim strip beside the scrollbar with a tick of its colour for each highlight, where it sits in the
 * article; a click jumps there. Keyboard readers step with [ and ], so the ticks are not tab stops.
 */
export function HighlightMap({ scroller }: { scroller: RefObject<HTMLElement | null> }) {
  const { annotations, root, revealRange } = useReaderSession();
  const [marks, setMarks] = useState<Mark[]>([]);
  const placed = useMemo(
    () =>
      annotations
        .filter((a) => a.status !== 'orphan')
        .sort((a, b) => a.target.selector[0].start - b.target.selector[0].start)
        .slice(0, MAX_MARKS),
    [annotations],
  );

  useEffect(() => {
    const element = scroller.current;
    if (!root || !element || placed.length === 0) {
      setMarks([]);
      return;
    }
    // Measured when the browser is idle, and again whenever the article's layout changes size.
    let pending = 0;
    const schedule = () => {
      cancelIdleCallback(pending);
      pending = requestIdleCallback(() => setMarks(measure(root, element, placed)), { timeout: 500 });
    };
    schedule();
    const observer = new ResizeObserver(schedule);
    observer.observe(root);
    return () => {
      cancelIdleCallback(pending);
      observer.disconnect();
    };
  }, [placed, root, scroller]);

  if (marks.length === 0) return null;
  return (
    <nav className="highlight-map" aria-label="Highlight map">
      {marks.map(({ annotation, at }, index) => (
        <button
          key={annotation.id}
          type="button"
          tabIndex={-1}
          className={`highlight-map__mark highlight-map__mark--${annotation.body.color}`}
          style={{ top: `${at * 100}%` }}
          aria-label={`Highlight ${index + 1} of ${marks.length}: ${quoteOf(annotation)}`}
          title={quoteOf(annotation)}
          onClick={() => {
            const { start, end } = annotation.target.selector[0];
            revealRange(start, end);
          }}
        />
      ))}
    </nav>
  );
}
