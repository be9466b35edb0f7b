import type { Annotation, Article, ArticleSummary } from '../model/contract';
import type { LibraryStore } from './store-types';

/** An article as the UI sees it (entry, text, reading place, note) and its stored annotations. */
export async function readArticle(
  store: LibraryStore,
  summary: ArticleSummary,
): Promise<{ article: Article; annotations: Annotation[] }> {
  const [content, state] = await Promise.all([store.getContent(summary.id), store.getState(summary.id)]);
  return {
    article: { ...summary, ...content, position: state.position, note: state.note },
    annotations: state.annotations,
  };
}
