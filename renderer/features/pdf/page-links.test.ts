// The page view's links, read by pdf.js (its Node build) from files written here.
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageLinks } from './page-links';

/** A link annotation on page 1, with whatever action or destination a file (a hostile one too) may carry. */
function addRawLink(doc: PDFDocument, rect: number[], action: Record<string, unknown>): void {
  const page = doc.getPages()[0]!;
  page.node.addAnnot(doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, ...action })));
}

describe('pageLinks', () => {
  it('offers web, mail and page links, placed as shown, and nothing a file could run or launch', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 3; i++) doc.addPage([595, 842]);
    addRawLink(doc, [59.5, 692, 119, 742], { A: { S: 'URI', URI: PDFString.of('https://a.example/report') } });
    addRawLink(doc, [0, 0, 10, 10], { Dest: [doc.getPages()[2]!.ref, PDFName.of('Fit')] });
    addRawLink(doc, [0, 20, 10, 30], { A: { S: 'URI', URI: PDFString.of('mailto:desk@a.example') } });
    addRawLink(doc, [0, 40, 10, 50], { A: { S: 'URI', URI: PDFString.of('javascript:alert(1)') } });
    addRawLink(doc, [0, 60, 10, 70], { A: { S: 'Launch', F: PDFString.of('calc.exe') } });
    addRawLink(doc, [0, 80, 10, 90], { A: { S: 'JavaScript', JS: PDFString.of('app.alert(1)') } });
    addRawLink(doc, [0, 100, 10, 110], { Dest: PDFName.of('nowhere') });
    const pdf = await getDocument({ data: await doc.save(), isEvalSupported: false }).promise;
    const links = await pageLinks(pdf as never, (await pdf.getPage(1)) as never);
    expect(links.map((l) => [l.href, l.label])).toEqual([
      ['https://a.example/report', 'Link to https://a.example/report'],
      ['#pdf-page-3', 'Go to page 3'],
      ['mailto:desk@a.example', 'Link to mailto:desk@a.example'],
    ]);
    // 595 × 842 points: the first link's box, from the top-left corner of the page as shown.
    const [left, top, width, height] = links[0]!.box;
    expect(left).toBeCloseTo((59.5 / 595) * 100, 3);
    expect(top).toBeCloseTo(((842 - 742) / 842) * 100, 3);
    expect(width).toBeCloseTo((59.5 / 595) * 100, 3);
    expect(height).toBeCloseTo((50 / 842) * 100, 3);
    await pdf.destroy();
  });
});
