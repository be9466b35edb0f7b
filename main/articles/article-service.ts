// The articles in the library: reading, details, trash, reading position and the
// article note. Importing them is main/importing/.
import type { Article, GlossApi } from '../model/contract';
import { LIMITS } from '../model/limits';
import { requireId, requireNumber, requireString } from '../model/validate';
import { requireSummary } from '../storage/require-summary';
import type { LibraryStore } from '../storage/store-types';
import { keepRemovedText } from './keep-removed-text';
import { pdfSource } from './pdf-source';
import { contentOrRebuild, type RebuildDocumentFn } from './rebuild-text';
import { validateMetaPatch } from './meta-patch';

export type ArticleService = Pick<
  GlossApi,
  | 'listArticles'
  | 'getArticle'
  | 'updateArticleMeta'
  | 'deleteArticle'
  | 'restoreArticle'
  | 'saveReadingPosition'
  | 'setArticleNote'
  | 'markArticleOpened'
  | 'getPdfSource'
  | 'keepRemovedText'
>;

export interface ArticleServiceDeps {
  store: LibraryStore;
  /** Rebuilds a damaged content.json from the kept source. */
  importDocument: RebuildDocumentFn;
}

export function createArticleService({ store, importDocument }: ArticleServiceDeps): ArticleService {
  return {
    async listArticles() {
      return store.listSummaries();
    },

    async getArticle({ id }): Promise<Article> {
      const summary = requireSummary(store, id);
      const content = await contentOrRebuild(store, summary, importDocument);
      const state = await store.getState(summary.id);
      return { ...(store.getSummary(summary.id) ?? summary), ...content, position: state.position, note: state.note };
    },

    async updateArticleMeta({ id, patch }) {
      const summary = requireSummary(store, id);
      return store.updateSummary(summary.id, validateMetaPatch(patch));
    },

    async deleteArticle({ id }) {
      await store.trashArticle(requireSummary(store, id).id);
    },

    async restoreArticle({ id }) {
      return store.restoreArticle(requireId(id, 'article id'));
    },

    async saveReadingPosition({ id, position, progress }) {
      const summary = requireSummary(store, id);
      const offset = Math.round(requireNumber(position, 'The reading position', 0, Number.MAX_SAFE_INTEGER));
      const fraction = requireNumber(progress, 'Progress', 0, 1);
      await store.updateState(summary.id, (state) => ({ ...state, position: offset }));
      if (Math.abs(summary.progress - fraction) >= 0.01 || fraction === 1) {
        await store.updateSummary(summary.id, { progress: fraction });
      }
    },

    async setArticleNote({ id, note }) {
      const summary = requireSummary(store, id);
      const text = requireString(note, 'The article note', LIMITS.articleNote);
      await store.updateState(summary.id, (state) => ({ ...state, note: text }));
    },

    async markArticleOpened({ id }) {
      const summary = requireSummary(store, id);
      return store.updateSummary(summary.id, { opened: new Date().toISOString() });
    },

    async getPdfSource({ id }) {
      return pdfSource(store, requireSummary(store, id));
    },

    async keepRemovedText({ id, index }) {
      return keepRemovedText(store, requireSummary(store, id), index);
    },
  };
}
