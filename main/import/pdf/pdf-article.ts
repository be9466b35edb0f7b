// A PDF's pages as an article: one <section> per page (its class and label say which page),
// its paragraphs as <p>, page 1's title line as <h1>. The markup is written from the text here,
// escaped, so its textContent is the canonical text exactly; page starts are found again from it
// (pageStarts) for the export.
//
// The title line stays in the canonical text, as a heading the reader hides when it repeats the
// article's title (ArticleBody's hideRepeatedTitle, as for an HTML page's <h1>), rather than being
// dropped: the text is then still what the page says, so it keeps matching the page's own text
// (the text layer highlights are drawn on), offsets of highlights made before stay where they
// were, a highlight or a note on the title is possible, and the full export shows page 1 with its
// title as a "#" heading, as it shows an HTML page's.
//
// With the pages' layout (new imports), each paragraph's lines are <span class="pdf-line"> with
// their box on the page (data-x, data-y, data-w, data-h, PDF units from the top-left corner) and
// each section carries the page's size (data-width, data-height): the reader lays the same text
// over the page pdf.js draws. The spans add no text: lines are joined by a space between them, or
// by nothing where a hyphenated word was mended, so the textContent is the same canonical text.
import { escapeText } from '../text-to-html';
import type { LaidLine, PageLayout } from './page-layout';

const PAGE_CLASS = 'pdf-page';
const PARAGRAPH_GAP = '\n\n';

export interface PdfArticle {
  html: string;
  text: string;
}

export interface PdfArticleOptions {
  /** The index in pages[0] of the paragraph that is the document's title line, written as <h1>. */
  titleParagraph?: number | null;
  /** Where each page's lines sit (parallel to `pages`); without it the markup has no geometry. */
  layout?: readonly PageLayout[];
}

/** `pages[i]` holds page i+1's paragraphs; a page without text keeps its place (an empty section). */
export function pdfArticle(pages: string[][], options: PdfArticleOptions = {}): PdfArticle {
  const html: string[] = [];
  pages.forEach((paragraphs, index) => {
    const tag = (i: number) => (index === 0 && i === options.titleParagraph ? 'h1' : 'p');
    const page = options.layout?.[index];
    const inner = (p: string, i: number) => (page ? placedText(p, page.paragraphs[i]) : null) ?? escapeText(p);
    const body = paragraphs.map((p, i) => `<${tag(i)}>${inner(p, i)}</${tag(i)}>`).join(PARAGRAPH_GAP);
    const gap = index === 0 ? '' : PARAGRAPH_GAP;
    const size = page ? ` data-width="${page.width}" data-height="${page.height}"` : '';
    html.push(`${gap}<section class="${PAGE_CLASS}" aria-label="Page ${index + 1}"${size}>${body}</section>`);
  });
  return { html: html.join(''), text: pdfText(pages) };
}

/**
 * A paragraph's lines as positioned spans, or null when they do not spell the paragraph exactly
 * (the text wins: that paragraph is written plain, and the reader lays it nowhere).
 */
function placedText(paragraph: string, lines: readonly LaidLine[] | undefined): string | null {
  if (!lines || lines.length === 0) return null;
  const joined = lines.map((l, i) => (i > 0 && !l.joined ? ' ' : '') + l.text).join('');
  if (joined !== paragraph) return null;
  return lines.map((l, i) => (i > 0 && !l.joined ? ' ' : '') + lineSpan(l)).join('');
}

function lineSpan({ text, box }: LaidLine): string {
  if (!box) return `<span class="pdf-line">${escapeText(text)}</span>`;
  const place = `data-x="${box.x}" data-y="${box.y}" data-w="${box.w}" data-h="${box.h}"`;
  return `<span class="pdf-line" ${place}>${escapeText(text)}</span>`;
}

/** The canonical text of pdfArticle(pages), without writing the markup: the gaps between pages are the markup's. */
export function pdfText(pages: string[][]): string {
  return pages.map((paragraphs) => paragraphs.join(PARAGRAPH_GAP)).join(PARAGRAPH_GAP);
}

// The page's size may follow the label (articles imported with geometry).
const SECTION = /<section class="pdf-page" aria-label="Page (\d+)"[^>]*>/g;
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
