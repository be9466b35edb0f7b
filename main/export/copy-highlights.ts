// "Copy highlights": an article's highlights as Markdown to paste into notes — the title, then each
// highlight in reading order as the digest writes it (quote, color, page, tags, note), without the
// block ids and the data block that only make sense inside an exported file.
import type { Annotation, Article } from '../model/contract';
import { pageAt, pageStarts } from '../import/pdf/pdf-article';
import { highlightItem } from './highlight-items';
import { escapeInlineLine } from './markdown-escape';

export function highlightsForClipboard(
  article: Article,
  annotations: Annotation[],
): { markdown: string; count: number } {
  const placed = annotations
    .filter((a) => a.status !== 'orphan')
    .sort((a, b) => a.target.selector[0].start - b.target.selector[0].start);
  const pages = article.format === 'pdf' ? pageStarts(article.html) : [];
  const items = placed.map((a) => {
    const { start, end } = a.target.selector[0];
    return highlightItem({
      ...a.body,
      exact: article.text.slice(start, end),
      block: '',
      page: pageAt(pages, start),
    });
  });
  const title = `## ${escapeInlineLine(article.title) || 'Untitled'}`;
  return { markdown: [title, ...items].join('\n\n') + '\n', count: placed.length };
}
