import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { Article } from '../../../main/model/contract';
import { firstVisibleOffset, scrollProgress, scrollToOffset } from './reading-position';
import { useApi } from '../../api/api-context';

const SAVE_DELAY_MS = 500;

/**
 * Restores the saved position once the body is in place, then saves the
 * first visible block's canonical offset (and progress) after scrolling
 * settles. `flush` saves at once, for leaving the article.
 */
export function useReadingPosition({
  article,
  root,
  scroller,
  initialAt,
  onRestored,
}: {
  article: Article;
  root: HTMLElement | null;
  scroller: RefObject<HTMLElement | null>;
  /** An offset to open at instead of the saved position (jump from a highlight or entity). */
  initialAt?: number;
  onRestored?: (at: number | undefined) => void;
}) {
  const api = useApi();
  const timer = useRef<number | null>(null);
  const ready = useRef(false);
  const last = useRef({ position: article.position, progress: article.progress });
  const pending = useRef<Promise<void>>(Promise.resolve());

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!root || !element || ready.current) return;
    if (initialAt !== undefined) scrollToOffset(root, element, initialAt);
    else if (article.position > 0) scrollToOffset(root, element, article.position);
    else if (article.progress > 0 && article.progress < 1)
      element.scrollTop = article.progress * (element.scrollHeight - element.clientHeight);
    onRestored?.(initialAt);
    // The restore's own scroll event must not count as reading.
    requestAnimationFrame(() => {
      ready.current = true;
    });
    // Only the first time the body appears; later changes keep the reader where they are.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [root]);

  const save = useCallback(() => {
    timer.current = null;
    const element = scroller.current;
    // Detached nodes measure as zero and would read as "at the end": never save from them.
    if (!root || !element || !root.isConnected) return pending.current;
    const position = firstVisibleOffset(root, element);
    const progress = Math.round(scrollProgress(element) * 1000) / 1000;
    if (position === last.current.position && progress === last.current.progress) return pending.current;
    last.current = { position, progress };
    pending.current = api.saveReadingPosition({ id: article.id, position, progress }).catch(() => {
      // Losing a reading position is not worth interrupting the reader for.
    });
    return pending.current;
  }, [api, article.id, root, scroller]);

  const onScroll = useCallback(() => {
    if (!ready.current) return;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(save, SAVE_DELAY_MS);
  }, [save]);

  // Saves even when nothing scrolled: a short article seen whole was read (scrollProgress is 1), and
  // must not stay "New". save() writes only what changed.
  const flush = useCallback((): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    return save();
  }, [save]);

  // Closing the window mid-article still keeps the place.
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flush]);

  // Leaving by any route (browser Back too): a layout cleanup still sees the article in the DOM.
  const flushRef = useRef(flush);
  useLayoutEffect(() => {
    flushRef.current = flush;
  });
  useLayoutEffect(() => () => void flushRef.current(), []);

  return { onScroll, flush };
}
