// A PDF's pages as an article: one <section> per page (its class and label say which page),
// its paragraphs as <p>. The markup is written from the text here, escaped, so its textContent is
// the canonical text exactly; page starts are found again from it (pageStarts) for the export.
import { escapeText } from '../text-to-html';

const PAGE_CLASS = 'pdf-page';
const PARAGRAPH_GAP = '\n\n';

export interface PdfArticle {
  html: string;
  text: string;
}

/** `pages[i]` holds page i+1's paragraphs; a page without text keeps its place (an empty section). */
export function pdfArticle(pages: string[][]): PdfArticle {
  const html: string[] = [];
  const text: string[] = [];
  pages.forEach((paragraphs, index) => {
    const body = paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join(PARAGRAPH_GAP);
    const gap = index === 0 ? '' : PARAGRAPH_GAP;
    html.push(`${gap}<section class="${PAGE_CLASS}" aria-label="Page ${index + 1}">${body}</section>`);
    text.push(gap, paragraphs.join(PARAGRAPH_GAP));
  });
  return { html: html.join(''), text: text.join('') };
}

const SECTION = /<section class="pdf-page" aria-label="Page (\d+)">/g;
const TAG = /<[^>]*>/g;
const ENTITY = /&(?:amp|lt|gt|quot|#13|#39);/g;

/**
 * Where each page starts in the text of an article written by pdfArticle ([] for any other article):
 * `[{page: 1, start: 0}, {page: 2, start: 1234}, …]`. It reads our own markup only, so a pattern is enough.
 */
export function pageStarts(html: string): { page: number; start: number }[] {
  const starts: { page: number; start: number }[] = [];
  let offset = 0;
  let last = 0;
  for (const match of html.matchAll(SECTION)) {
    offset += textLength(html.slice(last, match.index));
    starts.push({ page: Number(match[1]), start: offset });
    last = match.index + match[0].length;
  }
  return starts;
}

function textLength(markup: string): number {
  return markup.replace(TAG, '').replace(ENTITY, '_').length;
}

/** The page of the PDF that holds text offset `at`, or null for an article that is not a PDF. */
export function pageAt(starts: { page: number; start: number }[], at: number): number | null {
  let found: number | null = null;
  for (const { page, start } of starts) {
    if (start > at) break;
    found = page;
  }
  return found;
}
