import { describe, expect, it } from 'vitest';
import { makePdf, makePlacedPdf } from '../../../tests/support/make-pdf';
import { textContentOfHtml } from '../fragment-text';
import { importFile } from '../import-document';
import { pageStarts } from './pdf-article';

describe('PDF import', () => {
  it('imports a text PDF page by page with its title and author', async () => {
    const bytes = await makePdf({
      title: 'Annual Survey of Harbour Traffic',
      author: 'Ruth Okafor',
      pages: [[['The survey counted vessels.']], [['Traffic fell in the winter.'], ['It rose again in May.']]],
    });
    const doc = await importFile({ name: 'survey.pdf', bytes });
    expect(doc.format).toBe('pdf');
    expect(doc.sourceExt).toBe('pdf');
    expect(doc.title).toBe('Annual Survey of Harbour Traffic');
    expect(doc.author).toBe('Ruth Okafor');
    expect(doc.text).toBe('The survey counted vessels.\n\nTraffic fell in the winter.\n\nIt rose again in May.');
    expect(pageStarts(doc.html)).toEqual([
      { page: 1, start: 0 },
      { page: 2, start: doc.text.indexOf('Traffic') },
    ]);
  });

  it('makes a title found on page 1 a heading there, not a first paragraph as well', async () => {
    const doc = await makePlacedPdf(
      [
        [
          { text: 'Grazing Rights on the Salt Marsh', x: 60, y: 780, size: 22 },
          { text: 'The commons were fenced in 1802.', x: 60, y: 730 },
          { text: 'Shepherds kept their flocks on the dyke.', x: 60, y: 714 },
        ],
        [{ text: 'The second page goes on.', x: 60, y: 760 }],
      ],
      { title: 'Microsoft Word - marsh_v3.docx' },
    );
    const article = await importFile({ name: 'marsh.pdf', bytes: await doc.save() });
    expect(article.title).toBe('Grazing Rights on the Salt Marsh');
    // Still in the canonical text (highlights index into it; the page shows it), as the heading the
    // reader hides under the article's title.
    expect(article.text.startsWith('Grazing Rights on the Salt Marsh\n\nThe commons')).toBe(true);
    expect(article.html).toMatch(
      /aria-label="Page 1"[^>]*><h1><span[^>]*>Grazing Rights on the Salt Marsh<\/span><\/h1>/,
    );
    expect(article.html).not.toMatch(/<p>(<span[^>]*>)?Grazing Rights/);
    expect(textContentOfHtml(article.html)).toBe(article.text);
  });

  it('makes a first line in body type that says the title its heading too, but not a memo’s only line', async () => {
    const bytes = await makePdf({
      pages: [[['Minutes of the Harbour Board'], ['The board met on Tuesday.'], ['Dredging was approved.']]],
    });
    const minutes = await importFile({ name: 'scan0042.pdf', bytes });
    expect(minutes.title).toBe('Minutes of the Harbour Board');
    expect(minutes.html).toMatch(/<h1><span[^>]*>Minutes of the Harbour Board<\/span><\/h1>/);
    expect(textContentOfHtml(minutes.html)).toBe(minutes.text);

    const named = await importFile({
      name: 'Harbour dues.pdf',
      bytes: await makePdf({ title: 'Harbour dues', pages: [[['The dues rose in May.'], ['Harbour dues']]] }),
    });
    // Said further down, the same words are the page's text, not its title line.
    expect(named.html).not.toContain('<h1>');

    const memo = await importFile({ name: 'memo.pdf', bytes: await makePdf({ pages: [[['Lunch at noon today']]] }) });
    expect(memo.title).toBe('Lunch at noon today');
    expect(memo.html).not.toContain('<h1>');
  });

  it('keeps each line’s place on the page, the text content still the canonical text', async () => {
    const doc = await makePlacedPdf([
      [
        { text: 'The council approved the reconstruc-', x: 60, y: 760 },
        { text: 'tion of the bridge in May. It was a well-', x: 60, y: 744 },
        { text: 'Known case.', x: 60, y: 728 },
      ],
      [{ text: 'Page two.', x: 90, y: 500, size: 20 }],
    ]);
    const article = await importFile({ name: 'bridge.pdf', bytes: await doc.save() });
    expect(article.text).toBe(
      'The council approved the reconstruction of the bridge in May. It was a well-Known case.\n\nPage two.',
    );
    expect(textContentOfHtml(article.html)).toBe(article.text);
    // The page size on its section; each line a span with its box (PDF units from the top left).
    expect(article.html).toMatch(/<section class="pdf-page" aria-label="Page 1" data-width="\d+" data-height="\d+">/);
    const spans = [
      ...article.html.matchAll(
        /<span class="pdf-line" data-x="([\d.]+)" data-y="([\d.]+)" data-w="([\d.]+)" data-h="([\d.]+)">([^<]*)<\/span>/g,
      ),
    ];
    // The mended word's hyphen is not in the text; the kept one ("well-Known") is.
    expect(spans.map((m) => m[5])).toEqual([
      'The council approved the reconstruc',
      'tion of the bridge in May. It was a well-',
      'Known case.',
      'Page two.',
    ]);
    const height = Number(/data-height="([\d.]+)"/.exec(article.html)![1]);
    const [first, , , last] = spans.map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      w: Number(m[3]),
      h: Number(m[4]),
    }));
    expect(first).toMatchObject({ x: 60, h: 12 });
    expect(first!.y).toBeCloseTo(height - 760 - 0.8 * 12, 1);
    expect(first!.w).toBeGreaterThan(100);
    expect(last).toMatchObject({ x: 90, h: 20 });
    // Joined by a space where the line broke between words, by nothing where a word was mended.
    expect(article.html).toContain('reconstruc</span><span');
    expect(article.html).toContain('well-</span><span');
    expect(article.html).toContain('May. It was a well-</span><span class="pdf-line"');
  });

  it('is recognised by its content whatever the file is called', async () => {
    const bytes = await makePdf({ pages: [[['A memo without a name.']]] });
    expect((await importFile({ name: 'download', bytes })).format).toBe('pdf');
  });

  it('leaves a text article that mentions the PDF signature a text article', async () => {
    const text = '# The PDF header\n\nEvery PDF starts with %PDF-1.7 and a comment line.';
    const doc = await importFile({ name: 'pdf-notes.md', bytes: new TextEncoder().encode(text) });
    expect(doc.format).toBe('md');
  });

  it('refuses a file that only claims to be a PDF, naming it', async () => {
    await expect(
      importFile({ name: 'fake.pdf', bytes: new TextEncoder().encode('%PDF-1.7\nnot really') }),
    ).rejects.toThrow(/"fake\.pdf" is damaged/);
  });
});
