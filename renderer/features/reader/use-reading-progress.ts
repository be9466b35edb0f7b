import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { scrollProgress } from './reading-position';

/**
 * A hairline under the toolbar shows how far along you are, and the toolbar
 * repeats the title once the real one has scrolled away. Drawn straight to
 * CSS on the next frame, no re-render.
 */
export function useReadingProgress(scroller: RefObject<HTMLElement | null>, root: HTMLElement | null) {
  const progressBar = useRef<HTMLDivElement>(null);
  const toolbarTitle = useRef<HTMLParagraphElement>(null);
  const frame = useRef(0);
  const showProgress = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      if (scroller.current && progressBar.current)
        progressBar.current.style.setProperty('--read', String(scrollProgress(scroller.current)));
      toolbarTitle.current?.classList.toggle('is-shown', (scroller.current?.scrollTop ?? 0) > 160);
    });
  }, [scroller]);
  useEffect(() => {
    if (root) showProgress();
  }, [root, showProgress]);
  return { progressBar, toolbarTitle, showProgress };
}
