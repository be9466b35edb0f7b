// The export operations of GlossApi over a LibraryStore.
import { randomUUID } from 'node:crypto';
import type { Annotation, Article, Entity, ExportOptions, MarkdownFile } from '../api/contract';
import { anchorSelectors } from '../annotations/anchor';
import { AppError } from '../app/errors';
import { readArticle } from '../library/read-article';
import type { LibraryStore } from '../storage/store-types';
import { articleFileName, safeBaseName } from './file-names';
import { readIfExists, writeAtomically } from './export-files';
import { exportArticleMarkdown } from './markdown-export';
import { parseWebAnnotations, webAnnotationsJson, type AnchorFn } from './web-annotation';

export interface ExportServiceDeps {
  store: LibraryStore;
  getEntities: (articleId: string) => Promise<Entity[]>;
  now?: () => Date;
  /** Electron's native save dialog: the chosen path, or null when cancelled. */
  saveDialog?: (suggestedName: string) => Promise<string | null>;
  anchor?: AnchorFn;
  newId?: () => string;
}

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

  return {
    exportMarkdown(input: { articleId: string; options?: ExportOptions }): Promise<MarkdownFile> {
      return render(input.articleId, input.options);
    },

    /** Renders into `path`, keeping the user sections of the file already there. */
    async exportMarkdownToFile(input: {
      articleId: string;
      options?: ExportOptions;
      path: string;
    }): Promise<{ path: string }> {
      const existing = await readIfExists(input.path);
      const file = await render(input.articleId, input.options, existing);
      await writeAtomically(input.path, file.markdown, file.fileName);
      return { path: input.path };
    },

    async saveExportWithDialog(input: { articleId: string; options?: ExportOptions }): Promise<{ path: string }> {
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
      const existing = await readIfExists(path);
      const file = await render(input.articleId, input.options, existing);
      await writeAtomically(path, file.markdown, summary.title);
      return { path };
    },

    async exportAnnotationsJsonLd(input: { articleId: string }): Promise<MarkdownFile> {
      const { article, annotations } = await loadArticle(input.articleId);
      return {
        fileName: `${safeBaseName(article.title)}.annotations.jsonld`,
        markdown: webAnnotationsJson(article.id, annotations, article.sourceUrl),
      };
    },

    /** Adds the file's annotations to the article (re-anchored); returns those added. */
    async importAnnotationsJsonLd(input: { articleId: string; json: string }): Promise<Annotation[]> {
      const { article } = await loadArticle(input.articleId);
      const parsed = parseWebAnnotations(input.json, { article, anchor, now: now().toISOString(), newId });
      let added: Annotation[] = [];
      const state = await store.updateState(article.id, (s) => {
        const ids = new Set(s.annotations.map((a) => a.id));
        const same = new Set(s.annotations.map(key));
        added = [];
        for (const a of parsed) {
          if (same.has(key(a))) continue;
          const fresh = ids.has(a.id) ? { ...a, id: newId() } : a;
          ids.add(fresh.id);
          same.add(key(fresh));
          added.push(fresh);
        }
        return { ...s, annotations: [...s.annotations, ...added] };
      });
      await store.updateSummary(article.id, { highlightCount: state.annotations.length });
      return added;
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;

/** Same place, same text, same note: importing a file twice adds nothing. */
function key(a: Annotation): string {
  const [p, q] = a.target.selector;
  return JSON.stringify([p.start, p.end, q.exact, a.body.note, a.body.color]);
}
