// Marks find matches in the article root with mark.js (markRanges over canonical
// offsets). mark.js wraps text in <mark> and later merges the pieces back, so
// every text node shifts: after each pass the text-offset index is dropped and
// the highlight layer re-measured, or highlights would paint in stale places.
import Mark from 'mark.js';
import { useEffect, useRef, useState } from 'react';
import { layerFor } from '../../highlights/highlight-layer';
import { invalidateTextIndex } from '../../highlights/text-offsets';
import { findMatches, MAX_MATCHES, type TextMatch } from './find-matches';

const MATCH_CLASS = 'find-match';
export const CURRENT_CLASS = 'find-match--current';

export interface FindMarks {
  matches: TextMatch[];
  /** The <mark> elements of each match (a match across elements has several). */
  elements: HTMLElement[][];
  capped: boolean;
}

const EMPTY: FindMarks = { matches: [], elements: [], capped: false };

function afterDomChange(root: HTMLElement): void {
  invalidateTextIndex(root);
  layerFor(root)?.refresh();
}

export function unmarkAll(root: HTMLElement): void {
  if (!root.querySelector(`mark.${MATCH_CLASS}`)) return;
  new Mark(root).unmark({ className: MATCH_CLASS });
  afterDomChange(root);
}

export function useFindMarks(root: HTMLElement | null, text: string, query: string): FindMarks {
  const [marks, setMarks] = useState<FindMarks>(EMPTY);
  const marked = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!root) return;
    unmarkAll(root);
    const matches = findMatches(text, query);
    if (matches.length === 0) {
      setMarks(EMPTY);
      return;
    }
    const byStart = new Map<number, number>(matches.map((m, i) => [m.start, i]));
    const elements: HTMLElement[][] = matches.map(() => []);
    new Mark(root).markRanges(matches, {
      className: MATCH_CLASS,
      each(element, range) {
        const i = byStart.get((range as unknown as TextMatch).start);
        if (i !== undefined) elements[i]!.push(element as HTMLElement);
      },
    });
    marked.current = root;
    afterDomChange(root);
    // Text the reader cannot see (the body's copy of the title, which the reader
    // hides) is not a match to step to.
    const shown = matches.map((_, i) => elements[i]!.some((el) => el.getClientRects().length > 0));
    setMarks({
      matches: matches.filter((_, i) => shown[i]),
      elements: elements.filter((_, i) => shown[i]),
      capped: matches.length >= MAX_MATCHES,
    });
  }, [root, text, query]);

  // Closing the bar (or leaving the article) takes the marks away.
  useEffect(
    () => () => {
      if (marked.current?.isConnected) unmarkAll(marked.current);
    },
    [root],
  );

  return marks;
}
