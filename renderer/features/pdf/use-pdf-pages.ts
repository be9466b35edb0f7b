// The page view of a PDF article: its text laid over the pages pdf.js draws, zoom, the page the
// reader is on, and the switch back to the reflowed text. Articles imported before the importer
// kept each line's place have no geometry: they stay reflowed ("Update from file" re-imports).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../../main/model/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/message-of';
import type { Notify } from '../../components/Toast';
import { readPref, writePref } from '../reader/local-prefs';
import { firstVisibleOffset, scrollToOffset } from '../reader/reading-position';
import { PageCanvases } from './page-canvases';
import { mostVisiblePage, pageAtTop, scrollToAnchor } from './page-position';
import { startPdfLoad, type PdfLoad } from './pdf-load';
import type { PdfDocument } from './pdfjs';
import { hasPageGeometry, layOutTextLayer } from './text-layer';
import { parseZoom, scaleOf, stepZoom, type Zoom } from './zoom';

export const PAGES_CLASS = 'article-body--pages';
export type PdfLayout = 'pages' | 'text';

const LAYOUT_PREF = 'gloss:pdf-layout';
const zoomPref = (id: string) => `gloss:pdf-zoom:${id}`;

export interface PdfPagesView {
  /** False for any article but a PDF with page geometry: then nothing here applies. */
  available: boolean;
  layout: PdfLayout;
  setLayout: (layout: PdfLayout) => void;
  zoom: Zoom;
  /** CSS pixels per PDF point, as shown. */
  scale: number;
  zoomIn: () => void;
  zoomOut: () => void;
  fitWidth: () => void;
  /** 1-based. */
  page: number;
  pageCount: number;
  goToPage: (page: number) => void;
}

export function usePdfPages(
  article: Article,
  root: HTMLElement | null,
  scroller: RefObject<HTMLElement | null>,
  notify: Notify,
): PdfPagesView {
  const api = useApi();
  const available = article.format === 'pdf' && hasPageGeometry(article.html);
  const [layout, setLayoutState] = useState<PdfLayout>(() => (readPref(LAYOUT_PREF) === 'text' ? 'text' : 'pages'));
  const [zoom, setZoom] = useState<Zoom>(() => parseZoom(readPref(zoomPref(article.id))));
  const [areaWidth, setAreaWidth] = useState(0);
  const [page, setPage] = useState(1);
  const [failed, setFailed] = useState(false);
  const active = available && layout === 'pages' && !failed;
  // Started while the reader first renders, so the bytes and pdf.js load while the body goes in.
  const early = useRef<PdfLoad | null | undefined>(undefined);
  if (early.current === undefined) early.current = active ? startPdfLoad(api, article.id) : null;
  const [pdf, setPdf] = useState<PdfDocument | null>(null);
  const canvases = useRef<PageCanvases | null>(null);
  const applied = useRef<number | null>(null);
  const keepOffset = useRef<number | null>(null);

  // Run once per inserted body (a new root each time the article's HTML changes).
  const pages = useMemo(() => {
    if (!available || !root) return [];
    const start = performance.now();
    const laid = layOutTextLayer(root);
    performance.measure('gloss:pdf-text-layer', { start });
    return laid;
  }, [available, root]);
  const widest = useMemo(() => Math.max(0, ...pages.map((p) => p.width)), [pages]);

  useEffect(() => {
    const element = scroller.current;
    if (!available || !element) return;
    const observer = new ResizeObserver(() => setAreaWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [available, scroller]);

  // Before paint, and before the reading position is restored: the class, then the scale.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!root || !element || !available) return;
    root.classList.toggle(PAGES_CLASS, active);
    root.closest('.reader__article')?.classList.toggle('reader__article--pages', active);
    const kept = keepOffset.current;
    keepOffset.current = null;
    if (!active) applied.current = null;
    else {
      const next = scaleOf(zoom, element.clientWidth, widest);
      if (next !== applied.current) {
        // A zoom keeps the place on the page; a switch of layout keeps the place in the text (below).
        const anchor = applied.current === null || kept !== null ? null : pageAtTop(pages, element);
        root.style.setProperty('--pdf-scale', String(next));
        applied.current = next;
        if (anchor) scrollToAnchor(pages, element, anchor);
        canvases.current?.setScale(next);
      }
    }
    if (kept !== null) scrollToOffset(root, element, kept);
  }, [root, available, active, zoom, areaWidth, widest, pages, scroller]);

  const fail = useCallback(
    (e: unknown) => {
      notify(messageOf(e, 'The pages of this PDF could not be drawn; its text is shown instead.'), { level: 'error' });
      setFailed(true);
    },
    [notify],
  );

  // The document, open while the pages are shown.
  useEffect(() => {
    if (!active) return;
    const load = early.current ?? startPdfLoad(api, article.id);
    early.current = null;
    let live = true;
    load.promise.then(
      (opened) => live && setPdf(opened),
      (e: unknown) => live && fail(e),
    );
    return () => {
      live = false;
      setPdf(null);
      load.destroy();
    };
  }, [active, api, article.id, fail]);

  // Its pages drawn near the view.
  useEffect(() => {
    const element = scroller.current;
    if (!pdf || !element || pages.length === 0) return;
    const drawn = new PageCanvases(pdf, element, pages, applied.current ?? 1, fail);
    canvases.current = drawn;
    return () => {
      drawn.destroy();
      canvases.current = null;
    };
  }, [pdf, pages, scroller, fail]);

  // The page that fills most of the view, for "Page N of M".
  useEffect(() => {
    const element = scroller.current;
    if (!active || !element) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const at = mostVisiblePage(pages, element);
      if (at >= 0) setPage(at + 1);
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(update);
    };
    update();
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      element.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [active, pages, scroller]);

  const changeZoom = useCallback(
    (next: Zoom) => {
      setZoom(next);
      writePref(zoomPref(article.id), String(next));
    },
    [article.id],
  );
  const current = scaleOf(zoom, areaWidth || (scroller.current?.clientWidth ?? 0), widest);

  const setLayout = useCallback(
    (next: PdfLayout) => {
      const element = scroller.current;
      // The same place in the text, in the other layout.
      if (root && element) keepOffset.current = firstVisibleOffset(root, element);
      setLayoutState(next);
      writePref(LAYOUT_PREF, next);
    },
    [root, scroller],
  );

  const goToPage = useCallback(
    (n: number) => {
      const element = scroller.current;
      const target = pages[Math.min(pages.length, Math.max(1, Math.round(n))) - 1];
      if (!element || !target) return;
      scrollToAnchor(pages, element, { index: pages.indexOf(target), fraction: 0 });
      setPage(pages.indexOf(target) + 1);
    },
    [pages, scroller],
  );

  return {
    available,
    layout: active ? 'pages' : 'text',
    setLayout,
    zoom,
    scale: current,
    zoomIn: () => changeZoom(stepZoom(current, 1)),
    zoomOut: () => changeZoom(stepZoom(current, -1)),
    fitWidth: () => changeZoom('fit'),
    page,
    pageCount: pages.length,
    goToPage,
  };
}
