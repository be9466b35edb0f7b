// PDF and EPUB import through the real pipeline (pdf.js text, the EPUB unpack and sanitizer),
// on books generated here: a 100-page text PDF and a 40-chapter EPUB; then the PDF's page view in
// the real UI (bench-pdf-view.ts), with a 500-page PDF for its memory.
import { importFile } from '../../main/import/import-document';
import { makeEpub } from '../support/make-epub';
import { makePdf } from '../support/make-pdf';
import { benchPdfView } from './bench-pdf-view';
import { row, type BenchRow } from './report';
import { generateParagraphs } from './seeded';
import { timeRunsWithin } from './stats';

/** A paragraph broken into lines of about 80 characters, as a PDF sets them. */
function lines(paragraph: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + word.length > 80) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...out, line] : out;
}

/** The paragraphs that fit one A4 page at 12 pt (about 44 lines with the gaps); the rest is dropped. */
function fitPage(paragraphs: string[][]): string[][] {
  const page: string[][] = [];
  let used = 0;
  for (const paragraph of paragraphs) {
    if (used + paragraph.length > 44) break;
    page.push(paragraph);
    used += paragraph.length + 1;
  }
  return page;
}

async function generatedPdf(count: number): Promise<{ bytes: Uint8Array; words: number }> {
  const pages: string[][][] = [];
  let words = 0;
  for (let p = 0; p < count; p++) {
    const text = generateParagraphs(380, 500 + p);
    const page = fitPage(text.paragraphs.map(lines));
    words += page.flat().join(' ').split(' ').length;
    pages.push(page);
  }
  return { bytes: await makePdf({ title: 'A generated report', pages }), words };
}

function fortyChapterEpub(): Uint8Array {
  const chapters = Array.from({ length: 40 }, (_, i) => ({
    file: `c${i}.xhtml`,
    title: `Chapter ${i + 1}`,
    body: generateParagraphs(2500, 900 + i)
      .paragraphs.map((p) => `<p>${p}</p>`)
      .join(''),
  }));
  return makeEpub({ title: 'A generated book', chapters });
}

export async function benchBooks(runs = 5): Promise<BenchRow[]> {
  const pdf = await generatedPdf(100);
  const pdfTimes = await timeRunsWithin(runs, 3, 20_000, async () => {
    const doc = await importFile({ name: 'report.pdf', bytes: pdf.bytes });
    if (doc.wordCount < 10_000) throw new Error(`the PDF imported only ${doc.wordCount} words.`);
  });
  const epub = fortyChapterEpub();
  let epubWords = 0;
  const epubTimes = await timeRunsWithin(runs, 3, 20_000, async () => {
    epubWords = (await importFile({ name: 'book.epub', bytes: epub })).wordCount;
  });
  const kb = (bytes: Uint8Array) => `${Math.round(bytes.length / 1024)} KB`;
  const view = await benchPdfView({ hundred: pdf.bytes, fiveHundred: (await generatedPdf(500)).bytes, runs });
  return [
    row('Import a 100-page text PDF', `${kb(pdf.bytes)}, ${Math.round(pdf.words / 1000)}k words`, 'ms', pdfTimes),
    row('Import a 40-chapter EPUB', `${kb(epub)}, ${Math.round(epubWords / 1000)}k words`, 'ms', epubTimes),
    ...view,
  ];
}
