import { useEffect, type RefObject } from 'react';
import { revealRange } from '../../highlights/reveal-range';

/**
 * A jump from the library ("open at") flashes what was jumped to: the whole
 * highlight or mention when its end is known, else the rest of the sentence.
 */
export function useJumpFlash(
  scroller: RefObject<HTMLElement | null>,
  root: HTMLElement | null,
  text: string,
  at: number | undefined,
  end: number | undefined,
): void {
  useEffect(() => {
    if (!root || !scroller.current || at === undefined) return;
    let stop = end;
    if (stop === undefined || stop <= at) {
      const rest = text.slice(at, at + 240);
      const dot = rest.search(/[.!?\n]/);
      stop = at + (dot === -1 ? rest.length : dot + 1);
    }
    revealRange(root, scroller.current, at, stop, false);
    // Once, when the body first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [root, at]);
}
