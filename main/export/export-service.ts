// The export operations of GlossApi over a LibraryStore.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type {
  Annotation,
  AnnotationImport,
  Article,
  Entity,
  ExportOptions,
  ExportResult,
  MarkdownFile,
} from '../model/contract';
import { anchorSelectors } from '../annotations/anchor';
import { AppError } from '../model/errors';
import { readArticle } from '../storage/read-article';
import type { LibraryStore } from '../storage/store-types';
import { articleFileName, safeBaseName } from './file-names';
import { freePathBeside, keepPreviousCopy, readIfExists, writeAtomically } from './export-files';
import { exportSentence, importSentence, librarySentence } from './export-report';
import { exportLibrary, type LibraryExportItem } from './library-export';
import { createVaultExport } from './vault-export';
import { highlightsForClipboard } from './copy-highlights';
import { exportArticleMarkdown } from './markdown-export';
import { isExportOf, linesNotKept, takeVisibleEdits, type TakenEdits } from './visible-edits';
import { parseWebAnnotations, webAnnotationsJson, type AnchorFn } from './web-annotation';

export interface ExportServiceDeps {
  store: LibraryStore;
  getEntities: (articleId: string) => Promise<Entity[]>;
  now?: () => Date;
  /** Electron's native save dialog: the chosen path, or null when cancelled. */
  saveDialog?: (suggestedName: string) => Promise<string | null>;
  /** Electron's folder dialog, for the vault export; without it the vault comes back as a zip. */
  folderDialog?: () => Promise<string | null>;
  anchor?: AnchorFn;
  newId?: () => string;
}

/** An earlier export larger than this is not one Gloss wrote. */
const MAX_EXISTING = 32 * 1024 * 1024;

export function createExportService(deps: ExportServiceDeps) {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const anchor: AnchorFn = deps.anchor ?? ((text, selectors) => anchorSelectors(text, selectors));
  const newId = deps.newId ?? (() => randomUUID());

  async function loadArticle(articleId: string): Promise<{ article: Article; annotations: Annotation[] }> {
    const summary = store.getSummary(articleId);
    if (!summary) throw new AppError('not_found', `No article with id “${articleId}” is in the library.`);
    return readArticle(store, summary);
  }

  async function render(articleId: string, options: ExportOptions = {}, existing?: string): Promise<MarkdownFile> {
    const { article, annotations } = await loadArticle(articleId);
    const entities = options.entities === false ? [] : await deps.getEntities(articleId);
    return exportArticleMarkdown({
      article,
      annotations,
      entities,
      options,
      exported: now().toISOString(),
      ...(existing !== undefined ? { existing } : {}),
    });
  }

  /** Takes the user's edits in the earlier file into the library before it is replaced. */
  async function takeIn(articleId: string, options: ExportOptions, existing: string): Promise<TakenEdits> {
    const { article, annotations } = await loadArticle(articleId);
    const entities = options.entities === false ? [] : await deps.getEntities(articleId);
    const taken = takeVisibleEdits({
      existing,
      article,
      annotations,
      entities,
      options,
      now: now().toISOString(),
      newId,
    });
    if (!taken.edited.length && !taken.added.length && !taken.noteEdited && !taken.tagsEdited) return taken;
    const edited = new Map(taken.annotations.filter((a) => taken.edited.includes(a.id)).map((a) => [a.id, a]));
    const state = await store.updateState(articleId, (s) => ({
      ...s,
      note: taken.noteEdited ? taken.note : s.note,
      annotations: [...s.annotations.map((a) => edited.get(a.id) ?? a), ...taken.added],
    }));
    await store.updateSummary(articleId, {
      highlightCount: state.annotations.length,
      ...(taken.tagsEdited ? { tags: taken.tags } : {}),
    });
    return taken;
  }

  /**
   * Writes the export to `wanted`. An earlier export of this article there is
   * read first and the user's edits in it taken in; what cannot be taken in is
   * kept in a copy beside it. Any other file of that name is left untouched and
   * the export gets a free name beside it.
   */
  async function exportToPath(articleId: string, options: ExportOptions, wanted: string): Promise<ExportResult> {
    let path = wanted;
    let leftAlone: string | null = null;
    let existing = await readIfExists(path);
    if (existing !== undefined && !isExportOf(existing, articleId)) {
      await loadArticle(articleId); // a missing article is reported as such, not as a name clash
      leftAlone = basename(wanted);
      path = await freePathBeside(wanted);
      existing = undefined;
    }
    const taken = existing !== undefined ? await takeIn(articleId, options, existing) : null;
    const file = await render(articleId, options, existing);
    let backup: string | null = null;
    if (existing !== undefined && linesNotKept(existing, taken?.previous ?? null, file.markdown).length) {
      backup = await keepPreviousCopy(path, existing, now());
    }
    await writeAtomically(path, file.markdown, file.fileName);
    const title = store.getSummary(articleId)?.title ?? file.fileName;
    return { path, message: exportSentence({ title, path, taken, backup, leftAlone }) };
  }

  const service = {
    async copyHighlights(input: { articleId: string }): Promise<{ markdown: string; count: number }> {
      const { article, annotations } = await loadArticle(input.articleId);
      return highlightsForClipboard(article, annotations);
    },

    /**
     * The export as text (browser mode downloads it). Given the text of an
     * earlier export of the article, takes the user's edits in it in first;
     * the earlier file itself stays where the user has it.
     */
    async exportMarkdown(input: {
      articleId: string;
      options?: ExportOptions;
      existing?: string;
    }): Promise<MarkdownFile> {
      const { existing } = input;
      if (existing === undefined) return render(input.articleId, input.options);
      const summary = (await loadArticle(input.articleId)).article;
      if (typeof existing !== 'string' || existing.length > MAX_EXISTING || !isExportOf(existing, input.articleId)) {
        throw new AppError('invalid_input', `That file is not an earlier export of “${summary.title}”.`);
      }
      const options = input.options ?? {};
      const taken = await takeIn(input.articleId, options, existing);
      const file = await render(input.articleId, options, existing);
      const lost = linesNotKept(existing, taken.previous, file.markdown).length > 0;
      const path = file.fileName;
      let message = exportSentence({
        title: summary.title,
        path,
        taken,
        backup: null,
        leftAlone: null,
        downloaded: true,
      });
      if (lost) message = `${message.slice(0, -1)}; your earlier file keeps the text Gloss could not take in.`;
      return { ...file, message };
    },

    /** Renders into `path`, taking in the user's edits to the earlier export there. */
    exportMarkdownToFile(input: { articleId: string; options?: ExportOptions; path: string }): Promise<ExportResult> {
      return exportToPath(input.articleId, input.options ?? {}, input.path);
    },

    async saveExportWithDialog(input: { articleId: string; options?: ExportOptions }): Promise<ExportResult> {
      if (!deps.saveDialog) {
        throw new AppError(
          'not_supported',
          'Saving through a dialog is not available here; download the export instead.',
        );
      }
      const summary = store.getSummary(input.articleId);
      if (!summary) throw new AppError('not_found', `No article with id “${input.articleId}” is in the library.`);
      const path = await deps.saveDialog(articleFileName(summary.title));
      if (!path) throw new AppError('cancelled', `Export of “${summary.title}” was cancelled.`);
      return exportToPath(input.articleId, input.options ?? {}, path);
    },

    /** A folder of exports (an Obsidian vault with wikilinks), taking in the edits to earlier exports there. */
    async exportLibraryToFolder(input: {
      articleIds: string[];
      dir: string;
      options?: ExportOptions;
      onProgress?: (done: number, total: number) => void;
    }): Promise<{ written: string[]; message: string }> {
      const options = input.options ?? {};
      const item = async (id: string): Promise<LibraryExportItem> => {
        const { article, annotations } = await loadArticle(id);
        return { article, annotations, entities: options.entities === false ? [] : await deps.getEntities(id) };
      };
      const articles = [];
      for (const id of input.articleIds) articles.push(await item(id));
      const result = await exportLibrary({
        articles,
        dir: input.dir,
        options,
        exported: now().toISOString(),
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
        takeIn: async (it, existing) => {
          const taken = await takeIn(it.article.id, options, existing);
          return { item: await item(it.article.id), taken };
        },
      });
      return { written: result.written, message: librarySentence(input.dir, result) };
    },

    async exportAnnotationsJsonLd(input: { articleId: string }): Promise<MarkdownFile> {
      const { article, annotations } = await loadArticle(input.articleId);
      return {
        fileName: `${safeBaseName(article.title)}.annotations.jsonld`,
        markdown: webAnnotationsJson(article.id, annotations, article.sourceUrl),
      };
    },

    /** Adds the file's annotations to the article (re-anchored); says how many were added and skipped, and why. */
    async importAnnotationsJsonLd(input: { articleId: string; json: string }): Promise<AnnotationImport> {
      const { article } = await loadArticle(input.articleId);
      const parsed = parseWebAnnotations(input.json, { article, anchor, now: now().toISOString(), newId });
      let added: Annotation[] = [];
      let duplicates = 0;
      const state = await store.updateState(article.id, (s) => {
        const ids = new Set(s.annotations.map((a) => a.id));
        const same = new Set(s.annotations.map(key));
        added = [];
        duplicates = 0;
        for (const a of parsed.annotations) {
          if (same.has(key(a))) {
            duplicates++;
            continue;
          }
          const fresh = ids.has(a.id) ? { ...a, id: newId() } : a;
          ids.add(fresh.id);
          same.add(key(fresh));
          added.push(fresh);
        }
        return { ...s, annotations: [...s.annotations, ...added] };
      });
      await store.updateSummary(article.id, { highlightCount: state.annotations.length });
      const skipped = { ...parsed.skipped, ...(duplicates ? { 'already in Gloss': duplicates } : {}) };
      return { added, message: importSentence(added.length, skipped) };
    },
  };
  const vault = createVaultExport({
    exportToFolder: (input) => service.exportLibraryToFolder(input),
    now,
    ...(deps.folderDialog ? { pickFolder: deps.folderDialog } : {}),
  });
  return { ...service, ...vault };
}

export type ExportService = ReturnType<typeof createExportService>;

/** Same place, same text, same note: importing a file twice adds nothing. */
function key(a: Annotation): string {
  const [p, q] = a.target.selector;
  return JSON.stringify([p.start, p.end, q.exact, a.body.note, a.body.color]);
}
