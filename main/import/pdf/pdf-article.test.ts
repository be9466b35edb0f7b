import { describe, expect, it } from 'vitest';
import { textContentOfHtml } from '../fragment-text';
import type { PageLayout } from './page-layout';
import { pageAt, pageStarts, pdfArticle, pdfText } from './pdf-article';

const pages = [['Findings & <scope>', 'Second paragraph.'], [], ['Page three\ralone.']];

describe('a PDF as an article', () => {
  it('writes markup whose text content is the canonical text exactly', () => {
    const { html, text } = pdfArticle(pages);
    expect(textContentOfHtml(html)).toBe(text);
    expect(text).toBe('Findings & <scope>\n\nSecond paragraph.\n\n\n\nPage three\ralone.');
  });

  it('finds where each page starts again from the markup, empty pages included', () => {
    const { html, text } = pdfArticle(pages);
    const starts = pageStarts(html);
    expect(starts.map((s) => s.page)).toEqual([1, 2, 3]);
    expect(text.slice(starts[2]!.start)).toBe('Page three\ralone.');
    expect(pageAt(starts, text.indexOf('Second'))).toBe(1);
    expect(pageAt(starts, text.indexOf('alone'))).toBe(3);
  });

  it('writes page 1’s title line as a heading, the text unchanged', () => {
    const titled = [
      ['Tides & Weirs', 'The body begins.'],
      ['Tides & Weirs', 'Page two.'],
    ];
    const { html, text } = pdfArticle(titled, { titleParagraph: 0 });
    expect(text).toBe(pdfArticle(titled).text);
    expect(textContentOfHtml(html)).toBe(text);
    expect(html).toMatch(/^<section class="pdf-page" aria-label="Page 1"><h1>Tides &amp; Weirs<\/h1>\n\n<p>The body/);
    // Only page 1's: the same words at the top of page 2 are a running header, not the title.
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(pageStarts(html).map((s) => s.start)).toEqual(pageStarts(pdfArticle(titled).html).map((s) => s.start));
  });

  it('has no pages for an article that is not a PDF', () => {
    expect(pageStarts('<p>Just an article.</p>')).toEqual([]);
    expect(pageAt([], 10)).toBeNull();
  });

  it('writes each line as a placed span with the page size, its text content still pdfText(pages)', () => {
    const placed = [['One two three.', 'A mended word.'], ['Plain & <odd>']];
    const box = (y: number) => ({ x: 10, y, w: 200, h: 12 });
    const layout: PageLayout[] = [
      {
        width: 595,
        height: 842,
        paragraphs: [
          [
            { text: 'One two', joined: false, box: box(10) },
            { text: 'three.', joined: false, box: box(24) },
          ],
          [
            { text: 'A men', joined: false, box: box(50) },
            { text: 'ded word.', joined: true, box: box(64) },
          ],
        ],
      },
      // Lines that do not spell the paragraph (never made by the importer) leave it plain.
      { width: 300.5, height: 400, paragraphs: [[{ text: 'Something else', joined: false, box: null }]] },
    ];
    const { html, text } = pdfArticle(placed, { layout });
    expect(text).toBe(pdfText(placed));
    expect(textContentOfHtml(html)).toBe(text);
    expect(html).toContain('<section class="pdf-page" aria-label="Page 1" data-width="595" data-height="842">');
    expect(html).toContain(
      '<p><span class="pdf-line" data-x="10" data-y="10" data-w="200" data-h="12">One two</span> <span class="pdf-line" data-x="10" data-y="24" data-w="200" data-h="12">three.</span></p>',
    );
    expect(html).toContain('A men</span><span');
    expect(html).toContain('data-width="300.5" data-height="400"><p>Plain &amp; &lt;odd&gt;</p>');
    expect(pageStarts(html)).toEqual(pageStarts(pdfArticle(placed).html));
  });

  it('writes no geometry without a layout (articles imported before it, or built without one)', () => {
    expect(pdfArticle(pages).html).not.toMatch(/data-|pdf-line/);
  });
});
