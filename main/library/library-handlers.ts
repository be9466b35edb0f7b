import type { GlossApi } from '../model/contract';
import type { LibraryService } from './library-service';

/** The library: settings and app info, articles, importing. */
export type LibraryHandlers = Pick<
  GlossApi,
  | 'getAppInfo'
  | 'takeNotices'
  | 'getSettings'
  | 'updateSettings'
  | 'openExternal'
  | 'listArticles'
  | 'getArticle'
  | 'updateArticleMeta'
  | 'deleteArticle'
  | 'restoreArticle'
  | 'saveReadingPosition'
  | 'setArticleNote'
  | 'importFiles'
  | 'importPaste'
  | 'importWithDialog'
  | 'keepRemovedText'
>;

/** This feature's operations of the contract, each bound to its service: what the transports serve. */
export function libraryHandlers(library: LibraryService): LibraryHandlers {
  return {
    getAppInfo: (i) => library.getAppInfo(i),
    takeNotices: (i) => library.takeNotices(i),
    getSettings: (i) => library.getSettings(i),
    updateSettings: (i) => library.updateSettings(i),
    openExternal: (i) => library.openExternal(i),
    listArticles: (i) => library.listArticles(i),
    getArticle: (i) => library.getArticle(i),
    updateArticleMeta: (i) => library.updateArticleMeta(i),
    deleteArticle: (i) => library.deleteArticle(i),
    restoreArticle: (i) => library.restoreArticle(i),
    saveReadingPosition: (i) => library.saveReadingPosition(i),
    setArticleNote: (i) => library.setArticleNote(i),
    importFiles: (i) => library.importFiles(i),
    importPaste: (i) => library.importPaste(i),
    importWithDialog: (i) => library.importWithDialog(i),
    keepRemovedText: (i) => library.keepRemovedText(i),
  };
}
