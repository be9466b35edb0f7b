import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GlossApi } from '../model/contract';
import { mergeHandlers } from '../api/merge-handlers';
import { annotationHandlers } from '../annotations/annotation-handlers';
import { entityHandlers } from '../entities/entity-handlers';
import { exportHandlers } from '../export/export-handlers';
import { libraryHandlers } from '../library/library-handlers';
import { createAnnotationsService } from '../annotations/annotations-service';
import { createEntitiesService } from '../entities/entities-service';
import { createExportService } from '../export/export-service';
import { createImportRunner } from '../import/import-runner';
import { createLibraryService, type LibraryService } from '../library/library-service';
import { headlessPlatform, type Platform } from '../library/platform';
import { readGlossExport } from '../library/gloss-export-import';
import { readLocalFile } from '../library/read-local-file';
import { MAX_IMPORT_BYTES } from '../import/import-limits';
import { openLibraryStore } from '../storage/library-store';
import type { LibraryStore } from '../storage/store-types';
import { dataDir, appVersion } from './paths';

export interface Gloss {
  api: GlossApi;
  store: LibraryStore;
  library: LibraryService;
  exporter: ReturnType<typeof createExportService>;
  close(): Promise<void>;
}

export interface GlossOptions {
  libraryDir: string;
  platform?: Platform;
  /** Put the welcome article in a library that is opened for the first time. */
  welcome?: boolean;
  /** How long one import may take before it is given up on. Default 30 s. */
  importTimeoutMs?: number;
  /** Open without the lock and never write (the CLI's reading commands, beside a running app). */
  readOnly?: boolean;
}

/** Builds every service over one library folder and returns the handler table. */
export async function createGloss(options: GlossOptions): Promise<Gloss> {
  const isNew = !existsSync(join(options.libraryDir, 'library.json'));
  const store = await openLibraryStore(options.libraryDir, { readOnly: options.readOnly ?? false });
  const platform = options.platform ?? headlessPlatform;
  // Imports run off the event loop so a slow file cannot freeze every other request.
  const importer = createImportRunner(options.importTimeoutMs ? { timeoutMs: options.importTimeoutMs } : {});
  const annotations = createAnnotationsService({ store, importDocument: importer.importDocument });
  const library = createLibraryService({
    store,
    platform,
    importDocument: importer.importDocument,
    importPaste: importer.importPaste,
    readGlossExport,
    readFile: (path) => readLocalFile(path, MAX_IMPORT_BYTES),
    version: appVersion(),
  });
  const entities = createEntitiesService({ store });
  const exporter = createExportService({
    store,
    getEntities: (articleId: string) => entities.getEntities({ articleId }),
    ...(platform.saveFile ? { saveDialog: platform.saveFile } : {}),
  });
  // Each feature registers its own operations; a new one touches only its feature's table.
  const api: GlossApi = mergeHandlers(
    libraryHandlers(library),
    annotationHandlers(annotations),
    entityHandlers(entities),
    exportHandlers(exporter),
  );

  if (isNew && options.welcome) {
    await library.importPaths([join(dataDir(), 'welcome.md')]);
  }
  const close = async () => {
    await importer.close();
    await store.close();
  };
  return { api, store, library, exporter, close };
}
