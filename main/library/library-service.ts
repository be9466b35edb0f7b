import { HIGHLIGHT_COLORS, THEMES } from '../model/contract';
import { createHash, randomUUID } from 'node:crypto';
import type {
  AppInfo,
  Article,
  ArticleMetaPatch,
  ArticleSummary,
  GlossApi,
  ImportOutcome,
  ReaderSettings,
} from '../model/contract';
import { AppError, isAppError } from '../model/errors';
import type { LibraryStore } from '../storage/store-types';
import { LIMITS } from '../model/limits';
import {
  optionalString,
  requireId,
  requireNumber,
  requireSourceUrl,
  requireString,
  requireTags,
} from '../model/validate';
import type { ImportedDocument } from '../import/import-document';
import { importedSummary } from './imported-summary';
import { keepRemovedText } from './keep-removed-text';
import { decodeIncoming } from '../model/incoming-file';
import { contentOrRebuild } from './rebuild-text';
import type { Platform } from './platform';
import type { GlossExportImport } from './gloss-export-import';

type LibraryMethods =
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
  | 'keepRemovedText';

export type LibraryService = Pick<GlossApi, LibraryMethods> & {
  /** Imports files from disk paths (CLI, native dialog). */
  importPaths(paths: string[], options?: { allowDuplicate?: boolean }): Promise<ImportOutcome[]>;
};

export interface LibraryServiceDeps {
  store: LibraryStore;
  platform: Platform;
  importDocument: (input: {
    name: string;
    bytes: Uint8Array;
    path?: string;
  }) => Promise<ImportedDocument> | ImportedDocument;
  importPaste: (input: { text?: string; html?: string }) => Promise<ImportedDocument> | ImportedDocument;
  /** Recognizes a Markdown file Gloss exported, so that it comes back with its annotations. */
  readGlossExport?: (name: string, bytes: Uint8Array) => GlossExportImport | null;
  /** Reads a file the user named; throws AppError when it is missing, not a regular file or too large. */
  readFile: (path: string) => Promise<Uint8Array>;
  version: string;
  clock?: () => Date;
  newId?: () => string;
}

const SETTINGS_KEYS: ReadonlyArray<keyof ReaderSettings> = [
  'theme',
  'font',
  'fontSize',
  'lineHeight',
  'librarySort',
  'lastColor',
];

export function createLibraryService(deps: LibraryServiceDeps): LibraryService {
  const { store, platform } = deps;
  const now = () => (deps.clock ?? (() => new Date()))().toISOString();
  const newId = deps.newId ?? (() => randomUUID().replace(/-/g, '').slice(0, 16));

  function summaryOrThrow(id: string): ArticleSummary {
    const summary = store.getSummary(requireId(id, 'article id'));
    if (!summary) throw new AppError('not_found', 'That article is no longer in your library.');
    return summary;
  }

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
  ): Promise<ImportOutcome> {
    try {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const existing = store.findBySourceSha256(sha);
      if (existing && !allowDuplicate) return { status: 'duplicate', existing, name };
      const glossExport = deps.readGlossExport?.(name, bytes);
      const doc = await deps.importDocument({ name, bytes: glossExport?.body ?? bytes, ...(path ? { path } : {}) });
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

  const service: LibraryService = {
    async getAppInfo(): Promise<AppInfo> {
      return {
        version: deps.version,
        libraryDir: store.dir,
        nativeDialogs: platform.nativeDialogs,
        readOnly: store.readOnly,
      };
    },

    async takeNotices() {
      return store.takeNotices();
    },

    async getSettings() {
      return store.getSettings();
    },

    async updateSettings(input) {
      const patch: Partial<ReaderSettings> = {};
      for (const key of SETTINGS_KEYS) {
        if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
      }
      return store.updateSettings(validateSettings(patch));
    },

    async openExternal({ url }) {
      const target = parseExternalUrl(requireString(url, 'The link', 4096));
      if (!platform.openExternal) {
        throw new AppError('not_supported', 'Opening links in the system browser needs the desktop app.');
      }
      await platform.openExternal(target);
    },

    async listArticles() {
      return store.listSummaries();
    },

    async getArticle({ id }): Promise<Article> {
      const summary = summaryOrThrow(id);
      const content = await contentOrRebuild(store, summary, deps.importDocument);
      const state = await store.getState(summary.id);
      return { ...(store.getSummary(summary.id) ?? summary), ...content, position: state.position, note: state.note };
    },

    async updateArticleMeta({ id, patch }) {
      const summary = summaryOrThrow(id);
      return store.updateSummary(summary.id, validateMetaPatch(patch));
    },

    async deleteArticle({ id }) {
      await store.trashArticle(summaryOrThrow(id).id);
    },

    async restoreArticle({ id }) {
      return store.restoreArticle(requireId(id, 'article id'));
    },

    async saveReadingPosition({ id, position, progress }) {
      const summary = summaryOrThrow(id);
      const offset = Math.round(requireNumber(position, 'The reading position', 0, Number.MAX_SAFE_INTEGER));
      const fraction = requireNumber(progress, 'Progress', 0, 1);
      await store.updateState(summary.id, (state) => ({ ...state, position: offset }));
      if (Math.abs(summary.progress - fraction) >= 0.01 || fraction === 1) {
        await store.updateSummary(summary.id, { progress: fraction });
      }
    },

    async setArticleNote({ id, note }) {
      const summary = summaryOrThrow(id);
      const text = requireString(note, 'The article note', LIMITS.articleNote);
      await store.updateState(summary.id, (state) => ({ ...state, note: text }));
    },

    async importFiles({ files, allowDuplicate }) {
      if (!Array.isArray(files)) throw new AppError('invalid_input', 'importFiles expects a list of files.');
      const outcomes: ImportOutcome[] = [];
      for (const file of files) {
        const { name, bytes } = decodeIncoming(file);
        const path = typeof file.path === 'string' && file.path ? file.path : null;
        outcomes.push(await importBytes(name, bytes, path, allowDuplicate === true));
      }
      return outcomes;
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

    async keepRemovedText({ id, index }) {
      return keepRemovedText(store, summaryOrThrow(id), index);
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

function validateMetaPatch(patch: unknown): ArticleMetaPatch {
  if (typeof patch !== 'object' || patch === null) throw new AppError('invalid_input', 'Nothing to change.');
  const p = patch as Record<string, unknown>;
  const out: ArticleMetaPatch = {};
  if (p.title !== undefined) {
    const title = requireString(p.title, 'The title', LIMITS.title).trim();
    if (!title) throw new AppError('invalid_input', 'An article needs a title.');
    out.title = title;
  }
  for (const key of ['author', 'site', 'published', 'language'] as const) {
    if (p[key] === undefined) continue;
    const value = p[key] === null ? null : requireString(p[key], `The ${key}`, LIMITS.metadataField).trim() || null;
    out[key] = value;
  }
  if (p.sourceUrl !== undefined) out.sourceUrl = requireSourceUrl(p.sourceUrl);
  if (p.tags !== undefined) {
    out.tags = [
      ...new Set(
        requireTags(p.tags)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
  }
  return out;
}

function validateSettings(patch: Partial<ReaderSettings>): Partial<ReaderSettings> {
  const allowed: Record<string, readonly unknown[]> = {
    theme: THEMES,
    font: ['serif', 'sans'],
    librarySort: ['added', 'title', 'progress'],
    lastColor: HIGHLIGHT_COLORS,
  };
  for (const [key, values] of Object.entries(allowed)) {
    const value = (patch as Record<string, unknown>)[key];
    if (value !== undefined && !values.includes(value)) {
      throw new AppError('invalid_input', `${key} cannot be ${String(value)}.`);
    }
  }
  if (patch.fontSize !== undefined) requireNumber(patch.fontSize, 'Font size', 12, 40);
  if (patch.lineHeight !== undefined) requireNumber(patch.lineHeight, 'Line height', 1, 2.5);
  return patch;
}

/** Only https: and mailto: ever leave the app. */
function parseExternalUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('invalid_input', `${raw} is not a link Gloss can open.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'mailto:') {
    throw new AppError('invalid_input', `Gloss only opens https: and mailto: links, not ${url.protocol}.`);
  }
  return url.href;
}
