import type { GlossApi } from '../model/contract';
import type { ArticleService } from './article-service';

/** The articles: reading, details, trash, reading position, the article note. */
export type ArticleHandlers = Pick<
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

/** This feature's operations of the contract, each bound to its service: what the transports serve. */
export function articleHandlers(articles: ArticleService): ArticleHandlers {
  return {
    listArticles: (i) => articles.listArticles(i),
    getArticle: (i) => articles.getArticle(i),
    updateArticleMeta: (i) => articles.updateArticleMeta(i),
    deleteArticle: (i) => articles.deleteArticle(i),
    restoreArticle: (i) => articles.restoreArticle(i),
    saveReadingPosition: (i) => articles.saveReadingPosition(i),
    setArticleNote: (i) => articles.setArticleNote(i),
    markArticleOpened: (i) => articles.markArticleOpened(i),
    getPdfSource: (i) => articles.getPdfSource(i),
    keepRemovedText: (i) => articles.keepRemovedText(i),
  };
}
