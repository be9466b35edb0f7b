import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { centreInScroller } from '../annotations/position';
import { describeMatches } from './find-matches';
import { CURRENT_CLASS, useFindMarks } from './use-find-marks';
import '../../styles/find.css';

interface Props {
  root: HTMLElement;
  text: string;
  /** Bumped each time Ctrl+F or / is pressed while the bar is open: focus goes back to the field. */
  focusSignal: number;
  onClose: () => void;
}

const SEARCH_AFTER_MS = 120;

/** Find in article: count, next/previous, Escape to clear. */
export function FindBar({ root, text, focusSignal, onClose }: Props) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const { matches, elements, capped } = useFindMarks(root, text, query);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusSignal]);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(typed), SEARCH_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  // A new result set starts from the reading position (decided before it is first
  // shown, so the count never flickers); later moves are the user's.
  const [cursorFor, setCursorFor] = useState(matches);
  if (cursorFor !== matches) {
    setCursorFor(matches);
    setCurrent(firstVisibleMatch(root, elements));
  }

  useLayoutEffect(() => {
    const els = elements[current];
    if (!els) return;
    for (const el of els) el.classList.add(CURRENT_CLASS);
    const scroller = root.closest<HTMLElement>('.reader__scroll');
    if (els[0] && scroller) centreInScroller(scroller, els[0].getBoundingClientRect());
    return () => {
      for (const el of els) el.classList.remove(CURRENT_CLASS);
    };
  }, [elements, current, root]);

  const step = (by: number) => {
    if (matches.length === 0) return;
    setCurrent((at) => (at + by + matches.length) % matches.length);
  };

  const pendingSearch = typed !== query;
  const status = query.trim() === '' ? '' : describeMatches(current, matches.length, capped);

  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="search"
        className="input find-bar__input"
        aria-label="Find in article"
        placeholder="Find in article"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            if (pendingSearch) setQuery(typed);
            else step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="find-bar__status" role="status" aria-live="polite">
        {status}
      </span>
      <button
        type="button"
        className="button button--quiet icon-button"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={matches.length === 0}
        onClick={() => step(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button--quiet icon-button"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={matches.length === 0}
        onClick={() => step(1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="button button--quiet icon-button"
        aria-label="Close find"
        title="Close (Esc)"
        onClick={onClose}
      >
        ×
      </button>
    </div>
  );
}

/** The first match not above the top of the reading area: finding starts where the reader is. */
function firstVisibleMatch(root: HTMLElement, elements: readonly HTMLElement[][]): number {
  const scroller = root.closest<HTMLElement>('.reader__scroll');
  if (!scroller) return 0;
  const top = scroller.getBoundingClientRect().top;
  const at = elements.findIndex((els) => (els[0]?.getBoundingClientRect().bottom ?? 0) > top);
  return at < 0 ? 0 : at;
}
