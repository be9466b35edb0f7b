import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Entity, GlossApi } from '../model/contract';
import { ENTITIES_SHAPE } from '../model/shapes';
import { createEntityRunner } from '../entities/entity-runner';
import { nerModelDigest } from '../entities/ner/model-loader';
import { ENTITY_RULES_VERSION } from '../entities/rules-version';
import { KEPT_TABLE_SHAPE, type KeptTable } from '../entities/library-entity-table';
import { derivedCache } from '../storage/derived-cache';
import { mergeHandlers } from '../api/merge-handlers';
import { annotationHandlers } from '../annotations/annotation-handlers';
import { entityHandlers } from '../entities/entity-handlers';
import { exportHandlers } from '../export/export-handlers';
import { articleHandlers } from '../articles/article-handlers';
import { importingHandlers } from '../importing/importing-handlers';
import { settingsHandlers } from '../settings/settings-handlers';
import { searchHandlers } from '../search/search-handlers';
import { createSearchService, type SearchService } from '../search/search-service';
import { createAnnotationsService } from '../annotations/annotations-service';
import { createArticleService } from '../articles/article-service';
import { createEntitiesService } from '../entities/entities-service';
import type { ExportService } from '../export/export-service';
import { lazyService } from './lazy-service';
import { createImportRunner } from '../import/import-runner';
import { createImportService, type ImportService } from '../importing/import-service';
import { createUpdateFromFile } from '../importing/update-from-file';
import { createSettingsService } from '../settings/settings-service';
import { headlessPlatform, type Platform } from '../settings/platform';
import { readLocalFile } from '../importing/read-local-file';
import { MAX_IMPORT_BYTES } from '../import/import-limits';
import { openLibraryStore } from '../storage/library-store';
import { dataDir, appVersion } from './paths';

/**
 * What only a client in this process may ask (the CLI, the Electron shell): operations on paths of this
 * machine. They are never served over HTTP or IPC, where a path would let a page name any file.
 */
export interface LocalApi {
  importPaths: ImportService['importPaths'];
  exportMarkdownToFile: ExportService['exportMarkdownToFile'];
  exportLibraryToFolder: ExportService['exportLibraryToFolder'];
}

/** The app's search index is loaded this long after start-up: after the first paint, before most first searches. */
export const WARM_SEARCH_MS = 3000;

export interface Gloss {
  api: GlossApi;
  local: LocalApi;
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
  /** Load or build the search index this long after start-up (the app, not the CLI). Default: at the first search. */
  warmSearchAfterMs?: number;
}

/** Builds every service over one library folder and returns the handler table. */
export async function createGloss(options: GlossOptions): Promise<Gloss> {
  const isNew = !existsSync(join(options.libraryDir, 'library.json'));
  const store = await openLibraryStore(options.libraryDir, { readOnly: options.readOnly ?? false });
  const platform = options.platform ?? headlessPlatform;
  // Imports run off the event loop so a slow file cannot freeze every other request.
  const importer = createImportRunner(options.importTimeoutMs ? { timeoutMs: options.importTimeoutMs } : {});
  const annotations = createAnnotationsService({ store });
  // Tagging a long article takes minutes: it runs in a worker, and each article's result is kept.
  const entityRunner = createEntityRunner();
  // Made below, and asked only once it is: which articles may hold a name a correction adds.
  let search: SearchService | null = null;
  const entities = createEntitiesService({
    store,
    extract: entityRunner.extract,
    persisted: derivedCache<Entity[]>(store.dir, 'entities', ENTITIES_SHAPE, { readOnly: store.readOnly }),
    extractorKey: () => `${appVersion()}:${ENTITY_RULES_VERSION}:${nerModelDigest()}`,
    keptTable: derivedCache<KeptTable>(store.dir, 'library-entities', KEPT_TABLE_SHAPE, { readOnly: store.readOnly }),
    mayHold: async (name) => (await search?.articlesWithWords(name)) ?? null,
  });
  const settings = createSettingsService({ store, platform, version: appVersion() });
  const articles = createArticleService({ store, importDocument: importer.importDocument });
  const imports = createImportService({
    store,
    platform,
    importDocument: importer.importDocument,
    importPaste: importer.importPaste,
    // Loaded with the first import: it brings the Markdown and YAML readers.
    readGlossExport: async (name, bytes) =>
      (await import('../importing/gloss-export-import')).readGlossExport(name, bytes),
    readFile: (path) => readLocalFile(path, MAX_IMPORT_BYTES),
    onImported: (id) => entities.prefetch(id),
    cancel: () => importer.cancel(),
  });
  const updateFromFile = createUpdateFromFile(store, importer.importDocument);

  // Export brings turndown, its DOM and the Markdown renderers: loaded on the first export.
  const exporter = lazyService<ExportService>(async () =>
    (await import('../export/export-service')).createExportService({
      store,
      getEntities: (articleId: string) => entities.getEntities({ articleId }),
      ...(platform.saveFile ? { saveDialog: platform.saveFile } : {}),
      ...(platform.pickFolder ? { folderDialog: platform.pickFolder } : {}),
    }),
  );
  search = createSearchService({ store, entityNames: (id) => entities.peekNames(id), persist: true });
  // Each feature registers its own operations; a new one touches only its feature's table.
  const api: GlossApi = mergeHandlers(
    settingsHandlers(settings),
    articleHandlers(articles),
    importingHandlers(imports, updateFromFile),
    annotationHandlers(annotations),
    entityHandlers(entities),
    exportHandlers(exporter),
    searchHandlers(search),
  );

  if (isNew && options.welcome) {
    await imports.importPaths([join(dataDir(), 'welcome.md')]);
  }
  // The index is read (or built) once the first paint has had its turn, not at the first search.
  const warming =
    options.warmSearchAfterMs === undefined
      ? null
      : // A failed warm-up is only a slower first search: that search builds the index and reports.
        setTimeout(() => void search.warm().catch(() => undefined), options.warmSearchAfterMs);
  warming?.unref();
  const close = async () => {
    if (warming) clearTimeout(warming);
    await importer.close();
    await entityRunner.close();
    await search.close();
    await entities.tableSaved();
    await store.close();
  };
  const local: LocalApi = {
    importPaths: (paths, o) => imports.importPaths(paths, o),
    exportMarkdownToFile: (input) => exporter.exportMarkdownToFile(input),
    exportLibraryToFolder: (input) => exporter.exportLibraryToFolder(input),
  };
  return { api, local, close };
}
