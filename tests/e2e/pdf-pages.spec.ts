import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { test, expect } from '../support/fixtures';
import { addLink, makePdf } from '../support/make-pdf';
import { LibraryPage } from './pages/library';
import { PdfPagesPage } from './pages/pdf-pages';
import { ReaderPage } from './pages/reader';

const SENTENCE = 'The panel found no record of the second shipment.';
const TITLE = 'Panel of Experts: Shipments';

/** A report of `count` pages, each a few paragraphs; page 2 holds SENTENCE. */
function report(count: number): Promise<Uint8Array> {
  const pages = Array.from({ length: count }, (_, i) => [
    [`Page ${i + 1} opens with a finding of the panel.`, 'It goes on for a second line of text.'],
    i === 1 ? ['Later events were harder to trace.', SENTENCE] : [`The shipments of week ${i + 1} were logged.`],
  ]);
  return makePdf({ title: TITLE, author: 'Tomas Berg', pages });
}

/** Imports the generated report of `pageCount` pages (or the PDF given) through the Import button and opens it. */
async function openReport(page: Page, url: string, pageCount: number, bytes?: Uint8Array) {
  const library = new LibraryPage(page);
  await page.goto(url);
  await library.importFiles([
    { name: 'shipments.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes ?? (await report(pageCount))) },
  ]);
  await library.open(TITLE);
  return { reader: new ReaderPage(page), pdf: new PdfPagesPage(page) };
}

test('a PDF shows its drawn pages; a sentence selected on page 2 is highlighted, stays after a reload and a zoom, and exports with its page', async ({
  page,
  gloss,
}) => {
  const { reader, pdf } = await openReport(page, gloss.url, 6);

  const article = reader.article(TITLE);
  const pageTwo = article.getByRole('region', { name: 'Page 2' });
  await expect(pdf.controls).toContainText('of 6');
  await pdf.goToPage(2);
  // Drawn by pdf.js: a canvas with ink on it, the text layer over it.
  await expect.poll(() => pdf.inkedPixels(pageTwo)).toBeGreaterThan(500);
  await expect(pageTwo).toContainText(SENTENCE);

  await reader.readingArea.focus();
  await reader.highlight(SENTENCE, 'Blue');
  const highlights = reader.sidebar.getByRole('list', { name: 'Highlights' }).getByRole('listitem');
  await expect(highlights).toHaveCount(1);
  await expect(highlights.first()).toContainText(SENTENCE);

  await page.reload();
  await expect(highlights).toHaveCount(1);
  await expect(pdf.pageNumber).toHaveValue('2');
  const before = await pdf.width(pageTwo);
  await pdf.button('Zoom in').click();
  await expect.poll(() => pdf.width(pageTwo)).toBeGreaterThan(before);
  await expect.poll(() => pdf.inkedPixels(pageTwo)).toBeGreaterThan(500);
  // Still painted, over the same words: the highlight's range lies on the sentence's line.
  expect(await paintedText(page)).toEqual([SENTENCE]);
  // The next highlight is found from page 1, at its place on page 2.
  await pdf.goToPage(1);
  await reader.readingArea.focus();
  await page.keyboard.press(']');
  await expect(pdf.pageNumber).toHaveValue('2');

  const markdown = await reader.exportMarkdown({ highlightsOnly: true });
  expect(markdown).toContain('(blue) p. 2');
});

test('the pages of a PDF zoom by keys, fit the width, and give way to the reflowed text and back', async ({
  page,
  gloss,
}) => {
  const { reader, pdf } = await openReport(page, gloss.url, 3);
  const pageOne = reader.article(TITLE).getByRole('region', { name: 'Page 1' });
  await expect.poll(() => pdf.inkedPixels(pageOne)).toBeGreaterThan(500);
  const fitted = await pdf.width(pageOne);
  await expect(pdf.button('Fit width')).toHaveAttribute('aria-pressed', 'true');

  await reader.readingArea.focus();
  await page.keyboard.press('-');
  await expect.poll(() => pdf.width(pageOne)).toBeLessThan(fitted * 0.95);
  await expect(pdf.button('Fit width')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('0');
  await expect.poll(() => pdf.width(pageOne)).toBeCloseTo(fitted, 0);

  await pdf.button('Text').click();
  await expect(pageOne.locator('canvas')).toHaveCount(0);
  await expect(pdf.pageNumber).toBeHidden();
  await pdf.button('Pages').click();
  await expect.poll(() => pdf.inkedPixels(pageOne)).toBeGreaterThan(500);

  // Find in the article finds the words on a page further down and brings that page into view.
  const field = await reader.openFind();
  await field.fill('week 3 were');
  await expect(reader.findBar.getByRole('status')).toHaveText('1 of 1');
  await expect(pdf.pageNumber).toHaveValue('3');
  await expect(reader.article(TITLE).getByRole('region', { name: 'Page 3' }).locator('mark')).toHaveText('week 3 were');
});

/** The text of every range the highlight layer paints. */
function paintedText(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!/^gloss-(?:yellow|green|blue|pink|purple)$/.test(name)) continue;
      for (const painted of highlight) {
        // The layer paints static ranges; a live one over the same boundaries reads their text.
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        out.push(range.toString());
      }
    }
    return out;
  });
}

test('the links of a PDF: one to a page goes there, and a web link asks before anything leaves the app', async ({
  page,
  gloss,
}) => {
  const doc = await PDFDocument.load(await report(6));
  // Over page 1's first two lines (set at y = 780 and 764 in 12-point type).
  addLink(doc, 1, [60, 776, 300, 792], { page: 5 });
  addLink(doc, 1, [60, 760, 300, 776], { url: 'https://panel.example.org/annex' });
  const { reader, pdf } = await openReport(page, gloss.url, 6, await doc.save());
  const pageOne = reader.article(TITLE).getByRole('region', { name: 'Page 1' });

  await pageOne.getByRole('link', { name: 'Go to page 5' }).click();
  await expect(pdf.pageNumber).toHaveValue('5');

  await pdf.goToPage(1);
  await pageOne.getByRole('link', { name: 'Link to https://panel.example.org/annex' }).click();
  const ask = page.getByRole('dialog', { name: 'Open this link in your browser?' });
  await expect(ask).toContainText('https://panel.example.org/annex');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  // The page's text is as it was: the links add none.
  await expect(pageOne).toContainText('Page 1 opens with a finding of the panel.');
});
