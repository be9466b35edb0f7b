import type { GlossApi } from '../model/contract';
import type { LibraryService } from '../library/library-service';
import type { createAnnotationsService } from '../annotations/annotations-service';
import type { createEntitiesService } from '../entities/entities-service';
import type { createExportService } from '../export/export-service';

export interface Services {
  library: LibraryService;
  annotations: ReturnType<typeof createAnnotationsService>;
  entities: ReturnType<typeof createEntitiesService>;
  exporter: ReturnType<typeof createExportService>;
}

/**
 * THE handler table: one line per operation of the contract, each bound to the
 * service that owns it. The compiler checks it against `GlossApi`; both
 * transports serve exactly this object.
 */
export function createHandlers({ library, annotations, entities, exporter }: Services): GlossApi {
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
    updateFromFile: (i) => annotations.updateFromFile(i),
    keepRemovedText: (i) => library.keepRemovedText(i),

    listAnnotations: (i) => annotations.listAnnotations(i),
    createAnnotation: (i) => annotations.createAnnotation(i),
    updateAnnotation: (i) => annotations.updateAnnotation(i),
    deleteAnnotation: (i) => annotations.deleteAnnotation(i),
    restoreAnnotation: (i) => annotations.restoreAnnotation(i),
    searchAnnotations: (i) => annotations.searchAnnotations(i),
    listTags: (i) => annotations.listTags(i),

    getEntities: (i) => entities.getEntities(i),
    correctEntity: (i) => entities.correctEntity(i),
    listCorrections: (i) => entities.listCorrections(i),
    undoCorrection: (i) => entities.undoCorrection(i),
    listLibraryEntities: (i) => entities.listLibraryEntities(i),
    getEntityOccurrences: (i) => entities.getEntityOccurrences(i),

    exportMarkdown: (i) => exporter.exportMarkdown(i),
    saveExportWithDialog: (i) => exporter.saveExportWithDialog(i),
    exportAnnotationsJsonLd: (i) => exporter.exportAnnotationsJsonLd(i),
    importAnnotationsJsonLd: (i) => exporter.importAnnotationsJsonLd(i),
  };
}
