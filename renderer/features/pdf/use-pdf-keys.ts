import { useEffect, useRef } from 'react';
import type { PdfPagesView } from './use-pdf-pages';

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/**
 * + (or =), - and 0 zoom the pages in, out and to the width. Without Ctrl/⌘: with it they are the
 * window's own zoom (the desktop app's View menu, the browser's), which stays as it is.
 */
export function usePdfKeys(view: PdfPagesView): void {
  const latest = useRef(view);
  useEffect(() => {
    latest.current = view;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const current = latest.current;
      if (!current.available || current.layout !== 'pages') return;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TYPING) || target?.closest('dialog[open]')) return;
      if (event.key === '+' || event.key === '=') current.zoomIn();
      else if (event.key === '-') current.zoomOut();
      else if (event.key === '0') current.fitWidth();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
