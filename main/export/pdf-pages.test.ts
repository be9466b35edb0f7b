import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/contract';
import { pdfArticle } from '../import/pdf/pdf-article';
import { loadFixture } from '../../tests/support/export-fixtures';
import { exportArticleMarkdown } from './markdown-export';
import { readExportedMarkdown } from './read-exported-markdown';

const QUOTE = 'Shipments resumed in June.';

function pdfFixture(pages = [['The first page says little.'], ['A second page.', QUOTE]], titleParagraph?: number) {
  const f = loadFixture('article');
  const { html, text } = pdfArticle(pages, { titleParagraph });
  const template = f.annotations[0]!;
  const start = text.indexOf(QUOTE);
  const annotation: Annotation = {
    ...template,
    body: { ...template.body, color: 'green', tags: ['supply'], note: '' },
    target: {
      ...template.target,
      selector: [
        { ...template.target.selector[0], start, end: start + QUOTE.length },
        { ...template.target.selector[1], exact: QUOTE, prefix: '', suffix: '' },
      ],
    },
  };
  return { ...f, article: { ...f.article, format: 'pdf' as const, html, text }, annotations: [annotation] };
}

describe('a PDF highlight in the export', () => {
  it('names its page, and the page does not come back as a tag', () => {
    const f = pdfFixture();
    const md = exportArticleMarkdown({
      ...f,
      options: { mode: 'highlights' },
      exported: '2026-12-03T12:00:00.000Z',
    }).markdown;
    expect(md).toContain('(green) p. 2 #supply');
    const back = readExportedMarkdown(md.replace('(green) p. 2 #supply', '(green) p. 2 #supply #checked'))!;
    expect(back.annotations[0]!.body.tags).toEqual(['supply', 'checked']);
    expect(back.annotations[0]!.body.color).toBe('green');
  });

  it('writes the full text by page, and reads it back without the page lines', () => {
    const f = pdfFixture();
    const md = exportArticleMarkdown({
      ...f,
      options: { mode: 'full' },
      exported: '2026-12-03T12:00:00.000Z',
    }).markdown;
    const body = md.slice(md.indexOf('%% gloss:body-start %%'), md.indexOf('%% gloss:body-end %%'));
    expect(body).toContain(
      '*Page 1*\n\nThe first page says little.\n\n*Page 2*\n\nA second page.\n\n==Shipments resumed in June.==',
    );
    const back = readExportedMarkdown(md)!;
    expect(back.bodyMarkdown).not.toContain('Page');
    expect(back.bodyMarkdown).toContain('A second page.');
  });

  it('writes page 1’s title line as a heading of that page', () => {
    const f = pdfFixture(
      [
        ['Shipments of 2026', 'The first page says little.'],
        ['A second page.', QUOTE],
      ],
      0,
    );
    const md = exportArticleMarkdown({
      ...f,
      options: { mode: 'full' },
      exported: '2026-12-03T12:00:00.000Z',
    }).markdown;
    expect(md).toContain('*Page 1*\n\n# Shipments of 2026\n\nThe first page says little.\n\n*Page 2*');
    expect(md).toContain('==Shipments resumed in June.==');
  });

  it('gives no page for an article that is not a PDF', () => {
    const f = loadFixture('article');
    const md = exportArticleMarkdown({
      ...f,
      options: { mode: 'highlights' },
      exported: '2026-12-03T12:00:00.000Z',
    }).markdown;
    expect(md).not.toMatch(/\) p\. \d/);
  });
});
