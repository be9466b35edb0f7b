// Bringing articles in: files (from the UI, a dialog or paths), pastes, and our own
// exported Markdown coming back with its annotations. "Update from file" is
// ./update-from-file.ts.
import { createHash, randomUUID } from 'node:crypto';
import type { ArticleSummary, GlossApi, ImportOutcome } from '../model/contract';
import { isAppError, AppError } from '../model/errors';
import { decodeIncoming } from '../model/incoming-file';
import { optionalString, requireString } from '../model/validate';
import type { ImportedDocument } from '../import/import-document';
import type { Platform } from '../settings/platform';
import type { LibraryStore } from '../storage/store-types';
import type { GlossExportImport } from './gloss-export-import';
import { importedSummary } from './imported-summary';

export type ImportService = Pick<GlossApi, 'importFiles' | 'importPaste' | 'importWithDialog' | 'cancelImports'> & {
  /** Imports files from disk paths (CLI, native dialog). */
  importPaths(paths: string[], options?: { allowDuplicate?: boolean }): Promise<ImportOutcome[]>;
};

export type ImportDocumentFn = (input: {
  name: string;
  bytes: Uint8Array;
  path?: string;
}) => Promise<ImportedDocument> | ImportedDocument;

export interface ImportServiceDeps {
  store: LibraryStore;
  platform: Platform;
  importDocument: ImportDocumentFn;
  importPaste: (input: { text?: string; html?: string }) => Promise<ImportedDocument> | ImportedDocument;
  /** Recognizes a Markdown file Gloss exported, so that it comes back with its annotations. */
  readGlossExport?: (name: string, bytes: Uint8Array) => Promise<GlossExportImport | null> | GlossExportImport | null;
  /** Reads a file the user named; throws AppError when it is missing, not a regular file or too large. */
  readFile: (path: string) => Promise<Uint8Array>;
  /** Told of each article once it is in (entities are extracted ahead of the first view). */
  onImported?: (articleId: string) => void;
  /** Stops the imports the importer is reading (ImportRunner.cancel). */
  cancel?: () => void;
  clock?: () => Date;
  newId?: () => string;
}

export function createImportService(deps: ImportServiceDeps): ImportService {
  const { store, platform } = deps;
  const now = () => (deps.clock ?? (() => new Date()))().toISOString();
  const newId = deps.newId ?? (() => randomUUID().replace(/-/g, '').slice(0, 16));

  async function addImported(
    doc: ImportedDocument,
    source: { bytes: Uint8Array; path: string | null },
    glossExport?: GlossExportImport | null,
  ): Promise<ArticleSummary> {
    const keepId = glossExport?.id && !store.getSummary(glossExport.id) ? glossExport.id : null;
    const fresh = importedSummary(doc, { id: keepId ?? newId(), added: now(), path: source.path });
    const content = {
      html: doc.html,
      text: doc.text,
      textSha256: doc.textSha256,
      ...(doc.removed.length ? { removed: doc.removed } : {}),
    };
    const restored = glossExport?.restore(fresh, content);
    const summary = restored?.summary ?? fresh;
    await store.addArticle({
      summary,
      content,
      source: { bytes: source.bytes, ext: doc.sourceExt },
      ...(restored ? { state: restored.state } : {}),
    });
    deps.onImported?.(summary.id);
    return store.getSummary(summary.id) ?? summary;
  }

  function imported(article: ArticleSummary, doc: ImportedDocument): ImportOutcome {
    return doc.warning ? { status: 'imported', article, warning: doc.warning } : { status: 'imported', article };
  }

  async function importBytes(
    name: string,
    bytes: Uint8Array,
    path: string | null,
    allowDuplicate: boolean,
    batch: string | null = null,
  ): Promise<ImportOutcome> {
    try {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const existing = store.findBySourceSha256(sha);
      if (existing && !allowDuplicate) return { status: 'duplicate', existing, name };
      const glossExport = await deps.readGlossExport?.(name, bytes);
      if (batch && stopped.includes(batch)) return cancelled(name);
      const doc = await deps.importDocument({ name, bytes: glossExport?.body ?? bytes, ...(path ? { path } : {}) });
      // Stopped while it was read (the reader may have finished first): it is not added.
      if (batch && stopped.includes(batch)) return cancelled(name);
      // The same file may have been imported by another request while this one was being read.
      const arrived = store.findBySourceSha256(sha);
      if (arrived && !allowDuplicate) return { status: 'duplicate', existing: arrived, name };
      // Duplicates are judged on the file as the user has it, not on the body inside it (sourceSha256).
      return imported(await addImported({ ...doc, sourceSha256: sha }, { bytes, path }, glossExport), doc);
    } catch (error) {
      if (isAppError(error)) return { status: 'rejected', name, error: error.toApiError() };
      throw error;
    }
  }

  // The batches stopped lately: a file of one that arrives after the stop is not read at all.
  const stopped: string[] = [];
  const cancelled = (name: string): ImportOutcome => ({
    status: 'rejected',
    name,
    error: { code: 'cancelled', message: `The import of “${name}” was stopped; nothing was imported.` },
  });

  const service: ImportService = {
    async importFiles({ files, allowDuplicate, batch }) {
      if (!Array.isArray(files)) throw new AppError('invalid_input', 'importFiles expects a list of files.');
      const tag = optionalString(batch, 'The import batch', 100);
      const outcomes: ImportOutcome[] = [];
      for (const file of files) {
        const { name, bytes } = decodeIncoming(file);
        const path = typeof file.path === 'string' && file.path ? file.path : null;
        if (tag && stopped.includes(tag)) outcomes.push(cancelled(name));
        else outcomes.push(await importBytes(name, bytes, path, allowDuplicate === true, tag ?? null));
      }
      return outcomes;
    },

    async cancelImports({ batch }) {
      const tag = requireString(batch, 'The import batch', 100);
      if (!stopped.includes(tag)) stopped.push(tag);
      if (stopped.length > 32) stopped.shift();
      deps.cancel?.();
    },

    async importPaste({ text, html, allowDuplicate }) {
      try {
        const doc = await deps.importPaste({
          text: optionalString(text, 'Pasted text', 40_000_000),
          html: optionalString(html, 'Pasted HTML', 40_000_000),
        });
        const existing = store.findBySourceSha256(doc.sourceSha256);
        if (existing && allowDuplicate !== true) return { status: 'duplicate', existing, name: 'Pasted text' };
        return imported(await addImported(doc, { bytes: doc.sourceBytes, path: null }), doc);
      } catch (error) {
        if (isAppError(error)) return { status: 'rejected', name: 'Pasted text', error: error.toApiError() };
        throw error;
      }
    },

    async importWithDialog() {
      if (!platform.pickFiles) {
        throw new AppError('not_supported', 'The native file dialog needs the desktop app; use the file picker.');
      }
      const paths = await platform.pickFiles();
      return service.importPaths(paths);
    },

    async importPaths(paths, options = {}) {
      const outcomes: ImportOutcome[] = [];
      for (const path of paths) {
        const name = path.split(/[\\/]/).pop() ?? path;
        let bytes: Uint8Array;
        try {
          bytes = await deps.readFile(path);
        } catch (error) {
          // readLocalFile says why (missing, a folder or a FIFO, too large) in a sentence of its own.
          const apiError = isAppError(error)
            ? error.toApiError()
            : { code: 'not_found' as const, message: `${name} cannot be read.` };
          outcomes.push({ status: 'rejected', name, error: apiError });
          continue;
        }
        outcomes.push(await importBytes(name, bytes, path, options.allowDuplicate === true));
      }
      return outcomes;
    },
  };
  return service;
}
