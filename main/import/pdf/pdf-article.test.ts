import { describe, expect, it } from 'vitest';
import { textContentOfHtml } from '../fragment-text';
import { pageAt, pageStarts, pdfArticle } from './pdf-article';

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
});
