// A PDF's text by page, with what its metadata says about it. Pure reading: nothing is stored here.
import { AppError } from '../../model/errors';
import { openPdf, type PdfDocument } from './load-pdfjs';
import { guessHeading } from './page-text';
import { assembleTurnedPage, type RawTextItem } from './turned-text';
import { damagedError, noTextError, pdfError } from './pdf-errors';
import { readMetadata, type RawPdfMetadata } from './pdf-metadata';
import { pageLayout, type PageLayout } from './page-layout';
import { titleParagraph } from './title-paragraph';
import type { TextLine } from './text-lines';

export interface PdfReading {
  /** Each page's paragraphs in reading order (page i+1 is pages[i]); a page with no text is []. */
  pages: string[][];
  /** Each page's size and where the lines of its paragraphs sit (parallel to pages). */
  layout: PageLayout[];
  pageCount: number;
  /** From XMP dc:title or the info dictionary; null when empty or junk ("Microsoft Word - draft3.docx"). */
  title: string | null;
  /** The largest-type line(s) on page 1: a real title when the metadata's is junk. */
  headingGuess: string | null;
  /** Which of pages[0]'s paragraphs is that heading (its text is then headingGuess exactly), or null. */
  titleParagraph: number | null;
  /** XMP dc:creator or info Author; null when junk ("Administrator"). */
  author: string | null;
  /** ISO "YYYY-MM-DD" from CreationDate or xmp:CreateDate. */
  published: string | null;
  /** The catalog's /Lang, when it is a language tag. */
  language: string | null;
}

type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** pdf.js's text items (marked-content markers have no `str`). */
async function pageItems(page: PdfPage): Promise<RawTextItem[]> {
  const content = await page.getTextContent();
  const items: RawTextItem[] = [];
  for (const item of content.items) {
    if ('str' in item)
      items.push({ str: item.str, transform: item.transform as number[], width: item.width, height: item.height });
  }
  return items;
}

async function metadata(pdf: PdfDocument): Promise<RawPdfMetadata> {
  try {
    const { info, metadata: xmp } = await pdf.getMetadata();
    return { info: (info ?? {}) as Record<string, unknown>, xmp: xmp ?? null };
  } catch {
    // A damaged info dictionary costs the metadata, not the text.
    return { info: {}, xmp: null };
  }
}

async function readOpen(pdf: PdfDocument, name: string): Promise<PdfReading> {
  const pages: string[][] = [];
  const layout: PageLayout[] = [];
  let firstLines: TextLine[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    try {
      const text = assembleTurnedPage(await pageItems(page), page.rotate);
      if (n === 1) firstLines = text.lines;
      pages.push(text.paragraphs.map((p) => p.text));
      layout.push(pageLayout(text.paragraphs, page.view, page.rotate, text.framed));
    } finally {
      page.cleanup();
    }
  }
  if (pages.length === 0) throw damagedError(name);
  if (pages.every((p) => p.length === 0)) throw noTextError(name);
  const guess = guessHeading(firstLines);
  // With one line only, the guess is that line in body type: a one-line memo is not a heading.
  const title = firstLines.length > 1 ? titleParagraph(pages[0]!, guess) : null;
  return {
    pages,
    layout,
    pageCount: pages.length,
    // The paragraph's own text when there is one: its line breaks are mended ("Recon- struction").
    headingGuess: title === null ? guess : pages[0]![title]!,
    titleParagraph: title,
    ...readMetadata(await metadata(pdf), name),
  };
}

/** Reads the text of the PDF `bytes`, named `name` in messages. Throws AppError only. */
export async function readPdf(bytes: Uint8Array, name: string): Promise<PdfReading> {
  let task: Awaited<ReturnType<typeof openPdf>> | null = null;
  try {
    task = await openPdf(bytes);
    const pdf = await task.promise;
    try {
      return await readOpen(pdf, name);
    } finally {
      await pdf.destroy();
    }
  } catch (e) {
    throw e instanceof AppError ? e : pdfError(e, name);
  } finally {
    await task?.destroy();
  }
}
