import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GlossApi } from '../api/contract';
import { createHandlers } from '../api/handlers';
import { createAnnotationsService } from '../annotations/annotations-service';
import { createEntitiesService } from '../entities/entities-service';
import { createExportService } from '../export/export-service';
import { importDocument, importPaste } from '../import/import-document';
import { createLibraryService, type LibraryService } from '../library/library-service';
import { headlessPlatform, type Platform } from '../library/platform';
import { readGlossExport } from '../library/gloss-export-import';
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
}

/** Builds every service over one library folder and returns the handler table. */
export async function createGloss(options: GlossOptions): Promise<Gloss> {
  const isNew = !existsSync(join(options.libraryDir, 'library.json'));
  const store = await openLibraryStore(options.libraryDir);
  const platform = options.platform ?? headlessPlatform;
  const annotations = createAnnotationsService({ store, importDocument });
  const library = createLibraryService({
    store,
    platform,
    importDocument,
    importPaste,
    readGlossExport,
    readFile: async (path) => new Uint8Array(await readFile(path)),
    version: appVersion(),
  });
  const entities = createEntitiesService({ store });
  const exporter = createExportService({
    store,
    getEntities: (articleId: string) => entities.getEntities({ articleId }),
    ...(platform.saveFile ? { saveDialog: platform.saveFile } : {}),
  });
  const api = createHandlers({ library, annotations, entities, exporter });

  if (isNew && options.welcome) {
    await library.importPaths([join(dataDir(), 'welcome.md')]);
  }
  return { api, store, library, exporter, close: () => store.close() };
}
