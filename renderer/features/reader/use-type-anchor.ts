import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ReaderSettings } from '../../../main/model/contract';
import { useSettings } from '../../settings/settings-context';
import { firstVisibleOffset, scrollToOffset } from './reading-position';

/**
 * Changing type reflows the page: the settings change returned here keeps the
 * block the reader was on at the top.
 */
export function useTypeAnchor(
  scroller: RefObject<HTMLElement | null>,
  root: HTMLElement | null,
): { settings: ReaderSettings; changeSettings: (patch: Partial<ReaderSettings>) => void } {
  const { settings, update } = useSettings();
  const anchor = useRef<number | null>(null);
  const changeSettings = useCallback(
    (patch: Partial<ReaderSettings>) => {
      if (root && scroller.current && ('fontSize' in patch || 'lineHeight' in patch || 'font' in patch))
        anchor.current = firstVisibleOffset(root, scroller.current);
      update(patch);
    },
    [update, root, scroller],
  );
  useLayoutEffect(() => {
    if (anchor.current === null || !root || !scroller.current) return;
    if (anchor.current > 0) scrollToOffset(root, scroller.current, anchor.current);
    anchor.current = null;
  }, [settings.fontSize, settings.lineHeight, settings.font, root, scroller]);
  return { settings, changeSettings };
}
