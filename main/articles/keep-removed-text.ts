// "Keep this paragraph" in the reader: a passage reader mode set aside goes back into the article's
// text, where it stood; highlights and the reading place follow their text.
import { createHash } from 'node:crypto';
import type { Annotation, Article, ArticleSummary } from '../model/contract';
import { buildOffsetMap } from '../annotations/offset-map';
import { reanchorAll } from '../annotations/reanchor';
import { inDocumentOrder } from '../annotations/document-order';
import { AppError } from '../model/errors';
import { countWords, readingMinutes } from '../import/text-stats';
import type { LibraryStore } from '../storage/store-types';

export async function keepRemovedText(
  store: LibraryStore,
  summary: ArticleSummary,
  index: unknown,
): Promise<{ article: Article; annotations: Annotation[] }> {
  const content = await store.getContent(summary.id);
  const removed = content.removed ?? [];
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= removed.length) {
    throw new AppError('invalid_input', 'That passage is not among the ones Gloss removed from this article.');
  }
  // The HTML parser loads with the first keep, not with the library.
  const { keepPassage } = await import('../import/keep-passage');
  const next = keepPassage({ html: content.html, text: content.text, removed }, index);
  const textSha256 = createHash('sha256').update(next.text).digest('hex');
  await store.replaceContent(summary.id, { html: next.html, text: next.text, textSha256, removed: next.removed });
  const map = buildOffsetMap(content.text, next.text);
  const state = await store.updateState(summary.id, (s) => ({
    ...s,
    annotations: reanchorAll(content.text, next.text, s.annotations),
    position: Math.min(next.text.length, Math.max(0, map(s.position))),
  }));
  const words = countWords(next.text);
  const updated = await store.updateSummary(summary.id, {
    wordCount: words,
    readingMinutes: readingMinutes(words),
    highlightCount: state.annotations.length,
  });
  return {
    article: {
      ...updated,
      html: next.html,
      text: next.text,
      textSha256,
      ...(next.removed.length ? { removed: next.removed } : {}),
      position: state.position,
      note: state.note,
    },
    annotations: inDocumentOrder(state.annotations),
  };
}
