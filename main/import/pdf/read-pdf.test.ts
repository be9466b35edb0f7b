import { describe, expect, it } from 'vitest';
import { PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { makePlacedPdf, type PlacedLine } from '../../../tests/support/make-pdf';
import { readPdf } from './read-pdf';
import { expandLigatures } from './text-lines';

/** Lines top-down from y = 760 at 16 pt spacing, a paragraph gap where a line is ''. */
function column(x: number, texts: string[]): PlacedLine[] {
  let y = 760;
  const out: PlacedLine[] = [];
  for (const text of texts) {
    if (text !== '') out.push({ text, x, y });
    y -= text === '' ? 30 : 16;
  }
  return out;
}

async function read(pages: PlacedLine[][], title?: string) {
  const doc = await makePlacedPdf(pages, title ? { title } : {});
  return readPdf(await doc.save(), 'test.pdf');
}

describe('readPdf', () => {
  it('joins a word broken at a line end, and keeps a hyphen before a capital', async () => {
    const pdf = await read([
      column(60, [
        'The council approved the reconstruc-',
        'tion of the bridge in May.',
        '',
        'It was a well-',
        'Known case.',
      ]),
    ]);
    expect(pdf.pages[0]).toEqual([
      'The council approved the reconstruction of the bridge in May.',
      'It was a well-Known case.',
    ]);
  });

  it('reads a two-column page left column first', async () => {
    const left = ['The left column starts', 'and goes on down', 'the page to its end.', 'Left again here.'];
    const right = ['The right column follows', 'only after the left', 'one is read through.', 'Right at the end.'];
    const pdf = await read([[...column(50, left), ...column(320, right)]]);
    const text = pdf.pages[0]!.join(' ');
    expect(text.indexOf('Left again here.')).toBeGreaterThan(-1);
    expect(text.indexOf('Left again here.')).toBeLessThan(text.indexOf('The right column follows'));
  });

  it('reads a table set sideways after the upright text, and gives only the upright lines a box', async () => {
    const upright = column(60, ['The budget rose sharply in the year', 'as the table beside shows.']);
    // Set at 90°, a line runs up the page and the next one sits to its right.
    const sideways = ['Table 3. Spending by region', 'North rose by a third', 'South fell by a tenth'].map(
      (text, i) => ({ text, x: 420 + 18 * i, y: 120, rotate: 90 }),
    );
    const pdf = await read([[...upright, ...sideways]]);
    const text = pdf.pages[0]!.join('\n');
    expect(text).toContain('The budget rose sharply in the year as the table beside shows.');
    expect(text.indexOf('Table 3. Spending by region')).toBeGreaterThan(text.indexOf('table beside shows'));
    expect(text.indexOf('North rose by a third')).toBeGreaterThan(text.indexOf('Table 3.'));
    expect(text.indexOf('South fell by a tenth')).toBeGreaterThan(text.indexOf('North rose'));
    const lines = pdf.layout[0]!.paragraphs.flat();
    expect(lines.find((l) => l.text.startsWith('The budget'))?.box).not.toBeNull();
    expect(lines.find((l) => l.text.startsWith('North'))?.box).toBeNull();
  });

  it('reads a page turned by /Rotate whose text was drawn turned back to read upright', async () => {
    // Shown turned 90° clockwise, text drawn at 90° counter-clockwise reads left to right.
    const lines = ['A landscape page of the report', 'read the way it is shown.'].map((text, i) => ({
      text,
      x: 100 + 16 * i,
      y: 80,
      rotate: 90,
    }));
    const doc = await makePlacedPdf([lines], { pageRotate: 90 });
    const pdf = await readPdf(await doc.save(), 'turned.pdf');
    expect(pdf.pages[0]!.join(' ')).toBe('A landscape page of the report read the way it is shown.');
  });

  it('reads text set upside down, and still leaves out text at an angle', async () => {
    const pdf = await read([
      [
        { text: 'Right way up.', x: 60, y: 760 },
        { text: 'Upside down at the foot.', x: 400, y: 80, rotate: 180 },
        { text: 'A slanted stamp', x: 200, y: 400, rotate: 30 },
      ],
    ]);
    const text = pdf.pages[0]!.join(' ');
    expect(text).toContain('Right way up.');
    expect(text).toContain('Upside down at the foot.');
    expect(text).not.toContain('slanted');
  });

  it('expands the ligatures a PDF font may use', () => {
    expect(expandLigatures('\uFB01nal \uFB02ow, e\uFB00ort, o\uFB03ce, ba\uFB04e')).toBe(
      'final flow, effort, office, baffle',
    );
  });

  it('drops a junk metadata title and guesses the real one from the largest line', async () => {
    const pages = [
      [
        { text: 'Water Rights in the Delta', x: 60, y: 780, size: 24 },
        ...column(60, ['', '', 'Body text of the study.']),
      ],
    ];
    const junk = await read(pages, 'Microsoft Word - draft3.docx');
    expect(junk.title).toBeNull();
    expect(junk.headingGuess).toBe('Water Rights in the Delta');
    expect(junk.titleParagraph).toBe(0);
    expect(junk.pages[0]).toEqual(['Water Rights in the Delta', 'Body text of the study.']);
    expect((await read(pages, 'Water Rights in the Delta, 2026')).title).toBe('Water Rights in the Delta, 2026');
  });

  it('finds the paragraph of a title set over two lines, its broken word mended', async () => {
    const pdf = await read([
      [
        { text: 'Notes on the Recon-', x: 60, y: 780, size: 24 },
        { text: 'struction of Weirs', x: 60, y: 752, size: 24 },
        { text: 'A short report for the river board.', x: 60, y: 700 },
        { text: 'It has a second line of body text.', x: 60, y: 684 },
      ],
    ]);
    expect(pdf.titleParagraph).toBe(0);
    expect(pdf.headingGuess).toBe('Notes on the Reconstruction of Weirs');
    expect(pdf.pages[0]![0]).toBe(pdf.headingGuess);
  });

  it('takes no line of body type for a title paragraph', async () => {
    const memo = await read([column(60, ['A memo of a single line.'])]);
    expect(memo.headingGuess).toBe('A memo of a single line.');
    expect(memo.titleParagraph).toBeNull();
    const plain = await read([column(60, ['First paragraph of plain text.', '', 'Second one, the same type.'])]);
    expect(plain.titleParagraph).toBeNull();
  });

  it('refuses a PDF with no text layer, saying why', async () => {
    await expect(read([[]])).rejects.toThrow(
      '"test.pdf" has no text layer (it is scanned images); highlights need text.',
    );
  });

  it('refuses a password-protected PDF, saying so', async () => {
    const doc = await makePlacedPdf([column(60, ['Secret text.'])]);
    const bogus = PDFHexString.of('00'.repeat(32));
    const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, O: bogus, U: bogus, P: -4 });
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
    doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('01'.repeat(16)), PDFHexString.of('01'.repeat(16))]);
    await expect(readPdf(await doc.save({ useObjectStreams: false }), 'secret.pdf')).rejects.toThrow(
      '"secret.pdf" is protected by a password',
    );
  });

  it('names a damaged file', async () => {
    await expect(readPdf(new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage'), 'broken.pdf')).rejects.toThrow(
      '"broken.pdf" is damaged and could not be read as a PDF.',
    );
  });

  it('reads a hostile PDF as text and runs none of its scripts', async () => {
    const doc = await makePlacedPdf([column(60, ['An innocent looking memo.'])]);
    const js = doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('globalThis.__pdfScriptRan = 1;') });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(js));
    const launch = doc.context.obj({ Type: 'Action', S: 'Launch', F: PDFString.of('calc.exe') });
    doc.catalog.set(PDFName.of('AA'), doc.context.obj({ WC: doc.context.register(launch) }));
    const pdf = await readPdf(await doc.save(), 'memo.pdf');
    expect(pdf.pages[0]).toEqual(['An innocent looking memo.']);
    expect((globalThis as { __pdfScriptRan?: number }).__pdfScriptRan).toBeUndefined();
  });
});
