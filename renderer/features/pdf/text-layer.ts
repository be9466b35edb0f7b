// The article body as a PDF's text layer: the same DOM (its text is the canonical text the
// highlights index into), given the places the importer kept as CSS variables. The positioning
// itself is CSS (pdf.css), under the body's `article-body--pages` class, so turning that class off
// gives the reflowed text back with nothing else changed.
import { lineStretch, unionBox, type Box } from './line-box';
import { pageAnchorId } from './page-links';

/** The font the text layer is set in (pdf.css says the same); its width is measured per line. */
export const TEXT_LAYER_FONT = 'sans-serif';
const MEASURE_SIZE = 100;

export interface PdfPageBox {
  section: HTMLElement;
  /** The page's size in PDF points. */
  width: number;
  height: number;
  /**
   * Stretches each line to its drawn width (once; later calls do nothing). Only a page near the
   * view needs it: the stretch changes no line's place, only how far its glyphs reach.
   */
  measure: () => void;
}

/** Whether an article's markup carries page geometry (PDFs imported since the page view). */
export function hasPageGeometry(html: string): boolean {
  return /<section class="pdf-page" aria-label="Page 1" data-width="/.test(html);
}

function numberOf(element: Element, name: string): number | null {
  const value = element.getAttribute(name);
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function boxOf(span: Element): Box | null {
  const [x, y, w, h] = ['data-x', 'data-y', 'data-w', 'data-h'].map((n) => numberOf(span, n));
  return x == null || y == null || w == null || h == null ? null : { x, y, w, h };
}

/** One assignment per element (custom properties by CSSOM, which the CSP allows, unlike a style attribute). */
function setVars(element: HTMLElement, vars: Record<string, number>): void {
  element.style.cssText = Object.entries(vars)
    .map(([name, value]) => `${name}:${value}`)
    .join(';');
}

let measurer: CanvasRenderingContext2D | null | undefined;

/** The line's width in the text layer's font at its own size, or 0 where nothing can measure. */
function naturalWidth(text: string, size: number): number {
  if (measurer === undefined) {
    measurer = document.createElement('canvas').getContext('2d');
    if (measurer) measurer.font = `${MEASURE_SIZE}px ${TEXT_LAYER_FONT}`;
  }
  return measurer ? (measurer.measureText(text).width * size) / MEASURE_SIZE : 0;
}

/**
 * Sets each page's size, each paragraph's box and each line's place in it (relative to the
 * paragraph), and returns the pages in order. Run once per inserted body.
 */
export function layOutTextLayer(root: HTMLElement): PdfPageBox[] {
  const pages: PdfPageBox[] = [];
  let number = 0;
  for (const section of root.querySelectorAll<HTMLElement>('section.pdf-page')) {
    // One section per page, in order, an empty page's too: the target of the PDF's links to it.
    section.id = pageAnchorId(++number);
    const width = numberOf(section, 'data-width');
    const height = numberOf(section, 'data-height');
    if (width === null || height === null || width === 0 || height === 0) continue;
    setVars(section, { '--page-w': width, '--page-h': height });
    const placed: Array<{ span: HTMLElement; box: Box }> = [];
    for (const block of section.children) {
      if (!(block instanceof HTMLElement)) continue;
      const lines = Array.from(block.getElementsByClassName('pdf-line') as HTMLCollectionOf<HTMLElement>)
        .map((span) => ({ span, box: boxOf(span) }))
        .filter((l): l is { span: HTMLElement; box: Box } => l.box !== null);
      const area = unionBox(lines.map((l) => l.box));
      if (!area) continue;
      setVars(block, { '--x': area.x, '--y': area.y, '--w': area.w, '--h': area.h });
      for (const { span, box } of lines) {
        setVars(span, { '--x': box.x - area.x, '--y': box.y - area.y, '--h': box.h });
        placed.push({ span, box });
      }
    }
    let measured = false;
    const measure = () => {
      if (measured) return;
      measured = true;
      for (const { span, box } of placed) {
        const stretch = lineStretch(box.w, naturalWidth(span.textContent ?? '', box.h));
        span.style.setProperty('--sx', String(stretch));
      }
    };
    pages.push({ section, width, height, measure });
  }
  return pages;
}
