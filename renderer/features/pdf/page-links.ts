// A PDF's links, laid over its drawn pages. A web or mail link is an <a> in the article body, so a
// click on it goes through the article's own confirmation (use-article-links.ts); a link to a page of
// the document is an anchor to that page. Nothing else a PDF can ask for (launching a file, running
// JavaScript, submitting a form, a named action) is offered.
import type { PdfDocument, PdfPage } from './pdfjs';

export const LINKS_CLASS = 'pdf-links';

/** The id a page's section carries, for links to it. */
export function pageAnchorId(page: number): string {
  return `pdf-page-${page}`;
}

const WEB_OR_MAIL = /^(?:https?:|mailto:)/i;

interface PlacedLink {
  href: string;
  label: string;
  /** left, top, width, height as percentages of the page as shown. */
  box: [number, number, number, number];
}

type Rect = [number, number, number, number];

function isRect(value: unknown): value is Rect {
  return Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** The 1-based page a destination (a name, or an explicit [page, fit, …] array) points to, or null. */
async function pageOfDestination(pdf: PdfDocument, dest: unknown): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return null;
    const target: unknown = explicit[0];
    const index =
      typeof target === 'number'
        ? target
        : target && typeof target === 'object'
          ? await pdf.getPageIndex(target as Parameters<PdfDocument['getPageIndex']>[0])
          : null;
    return index !== null && Number.isInteger(index) && index >= 0 && index < pdf.numPages ? index + 1 : null;
  } catch {
    // A destination the file names but does not hold is no link.
    return null;
  }
}

/** The page's links that Gloss can follow, placed as shown (rotation included). */
export async function pageLinks(pdf: PdfDocument, page: PdfPage): Promise<PlacedLink[]> {
  const viewport = page.getViewport({ scale: 1 });
  const links: PlacedLink[] = [];
  for (const annotation of (await page.getAnnotations({ intent: 'display' })) as Array<Record<string, unknown>>) {
    if (annotation.subtype !== 'Link' || !isRect(annotation.rect)) continue;
    let href: string | null = null;
    let label = '';
    if (typeof annotation.url === 'string' && WEB_OR_MAIL.test(annotation.url)) {
      href = annotation.url;
      label = `Link to ${annotation.url}`;
    } else if (annotation.dest !== undefined) {
      const target = await pageOfDestination(pdf, annotation.dest);
      if (target !== null) {
        href = `#${pageAnchorId(target)}`;
        label = `Go to page ${target}`;
      }
    }
    if (href === null) continue;
    const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(annotation.rect) as Rect;
    const percent = (n: number, of: number) => (n / of) * 100;
    links.push({
      href,
      label,
      box: [
        percent(Math.min(x1, x2), viewport.width),
        percent(Math.min(y1, y2), viewport.height),
        percent(Math.abs(x2 - x1), viewport.width),
        percent(Math.abs(y2 - y1), viewport.height),
      ],
    });
  }
  return links;
}

/** Puts the links over the page's section, as empty anchors (no text: the body's text must not change). */
export function placeLinks(section: HTMLElement, links: readonly PlacedLink[]): void {
  if (links.length === 0 || section.querySelector(`:scope > .${LINKS_CLASS}`)) return;
  const layer = document.createElement('div');
  layer.className = LINKS_CLASS;
  for (const { href, label, box } of links) {
    const a = document.createElement('a');
    a.href = href;
    a.setAttribute('aria-label', label);
    a.title = label;
    const [left, top, width, height] = box;
    a.style.setProperty('left', `${left}%`);
    a.style.setProperty('top', `${top}%`);
    a.style.setProperty('width', `${width}%`);
    a.style.setProperty('height', `${height}%`);
    layer.append(a);
  }
  section.append(layer);
}
