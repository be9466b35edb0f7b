// The drawn pages: a canvas for each page near the view, none for the others. An observer on the
// reading area draws a page when it comes within a screen of the view and frees its canvas (and
// pdf.js's page data) when it leaves that band, so a 500-page PDF holds a handful of canvases.
import { pageLinks, placeLinks } from './page-links';
import type { PdfDocument, PdfPage } from './pdfjs';
import type { PdfPageBox } from './text-layer';

export const CANVAS_CLASS = 'pdf-canvas';

/** How far beyond the view a page is drawn ahead (and kept). */
const NEAR = '100% 0px';
/** A canvas never holds more device pixels than this (a 4× zoom on a large page would be 100 M). */
const MAX_PIXELS = 16_000_000;

interface Drawn {
  /** The page as last drawn (null until the first drawing is done). */
  canvas: HTMLCanvasElement | null;
  scale: number;
  task: { cancel(): void; promise: Promise<void> } | null;
  page: PdfPage | null;
}

export class PageCanvases {
  private readonly drawn = new Map<number, Drawn>();
  private readonly near = new Set<number>();
  /** Pages whose links have been read (once each: they do not change with the zoom). */
  private readonly linked = new Set<number>();
  private readonly indexOf = new Map<Element, number>();
  private readonly observer: IntersectionObserver;
  private scale: number;
  private closed = false;
  private firstPainted = false;

  constructor(
    private readonly pdf: PdfDocument,
    scroller: HTMLElement,
    private readonly pages: readonly PdfPageBox[],
    scale: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.scale = scale;
    this.observer = new IntersectionObserver((entries) => this.onEntries(entries), {
      root: scroller,
      rootMargin: NEAR,
    });
    pages.forEach((page, index) => {
      this.indexOf.set(page.section, index);
      this.observer.observe(page.section);
    });
  }

  /** Redraws the pages near the view at a new scale (the others draw at it when they come near). */
  setScale(scale: number): void {
    if (scale === this.scale) return;
    this.scale = scale;
    for (const index of this.near) void this.draw(index);
  }

  destroy(): void {
    this.closed = true;
    this.observer.disconnect();
    for (const index of [...this.drawn.keys()]) this.release(index);
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const index = this.indexOf.get(entry.target);
      if (index === undefined) continue;
      if (entry.isIntersecting) {
        this.near.add(index);
        this.pages[index]!.measure();
        void this.draw(index);
      } else {
        this.near.delete(index);
        this.release(index);
      }
    }
  }

  private async draw(index: number): Promise<void> {
    const box = this.pages[index]!;
    let drawn = this.drawn.get(index);
    if (drawn && drawn.scale === this.scale && drawn.task === null) return;
    drawn?.task?.cancel();
    if (!drawn) {
      drawn = { canvas: null, scale: this.scale, task: null, page: null };
      this.drawn.set(index, drawn);
    }
    const scale = this.scale;
    drawn.scale = scale;
    try {
      drawn.page ??= await this.pdf.getPage(index + 1);
      if (this.closed || this.drawn.get(index) !== drawn || drawn.scale !== scale) return;
      const ratio = Math.min(
        window.devicePixelRatio || 1,
        Math.sqrt(MAX_PIXELS / (box.width * box.height * scale * scale)),
      );
      const viewport = drawn.page.getViewport({ scale: scale * ratio });
      // Drawn into a fresh canvas, swapped in when done: a zoom never shows a half-drawn page.
      const target = document.createElement('canvas');
      target.className = CANVAS_CLASS;
      target.setAttribute('aria-hidden', 'true');
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      const task = drawn.page.render({ canvas: target, viewport });
      drawn.task = task;
      await task.promise;
      if (drawn.task !== task || this.drawn.get(index) !== drawn) return free(target);
      drawn.task = null;
      if (drawn.canvas) {
        drawn.canvas.replaceWith(target);
        free(drawn.canvas);
      } else box.section.prepend(target);
      drawn.canvas = target;
      this.link(index, drawn.page);
      if (!this.firstPainted) {
        this.firstPainted = true;
        performance.mark('gloss:pdf-page-painted');
      }
    } catch (e) {
      if (e instanceof Error && e.name === 'RenderingCancelledException') return;
      if (!this.closed) this.onError(e);
    }
  }

  private link(index: number, page: PdfPage): void {
    if (this.linked.has(index)) return;
    this.linked.add(index);
    const section = this.pages[index]!.section;
    pageLinks(this.pdf, page)
      .then((links) => {
        if (!this.closed) placeLinks(section, links);
      })
      // A page whose annotations cannot be read keeps its drawing and text; only its links are missing.
      .catch(() => undefined);
  }

  private release(index: number): void {
    const drawn = this.drawn.get(index);
    if (!drawn) return;
    this.drawn.delete(index);
    drawn.task?.cancel();
    if (drawn.canvas) free(drawn.canvas);
    drawn.page?.cleanup();
  }
}

/** A zero-sized canvas gives its pixels back at once, not at the next collection. */
function free(canvas: HTMLCanvasElement): void {
  canvas.width = canvas.height = 0;
  canvas.remove();
}
