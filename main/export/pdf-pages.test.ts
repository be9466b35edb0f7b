import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/contract';
import { pdfArticle } from '../import/pdf/pdf-article';
import { loadFixture } from '../../tests/support/export-fixtures';
import { exportArticleMarkdown } from './markdown-export';
import { readExportedMarkdown } from './read-exported-markdown';

const QUOTE = 'Shipments resumed in June.';

function pdfFixture() {
  const f = loadFixture('article');
  const { html, text } = pdfArticle([['The first page says little.'], ['A second page.', QUOTE]]);
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
