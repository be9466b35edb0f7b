// Adding articles and reading or changing one article's summary, text, state
// and source. Changes are checked before anything is written; the article's
// files are written before its index entry, so a crash leaves a folder that
// the next open recovers.
import { join } from 'node:path';
import type { ArticleSummary } from '../api/contract';
import { AppError } from '../app/errors';
import type { ArticleCache, ArticleFiles } from './article-cache';
import type { ArticleFileLoader } from './article-files';
import { checkArticleId, checkSourceExt } from './article-ids';
import {
  checkSummary,
  describeProblem,
  FILE_CHECKS,
  SCHEMA_VERSION,
  type ContentFile,
  type StateFile,
} from './file-schemas';
import type { LibraryIndex } from './library-index';
import { cloneState, copySummary, emptyState } from './store-copies';
import type { StoreContext } from './store-context';
import type { StoredFile } from './stored-file';
import type { ArticleContent, ArticleState, NewStoredArticle } from './store-types';

export class ArticleRecords {
  /** Ids whose addArticle is writing files: not listed yet, but taken. */
  private readonly adding = new Set<string>();

  constructor(
    private readonly ctx: StoreContext,
    private readonly index: LibraryIndex,
    private readonly cache: ArticleCache,
    private readonly files: ArticleFileLoader,
  ) {}

  async add(article: NewStoredArticle): Promise<void> {
    const { summary, content, source } = article;
    this.ctx.assertOpen();
    checkArticleId(summary.id);
    const id = summary.id;
    const problem =
      describeProblem('summary', checkSummary, summary) ??
      FILE_CHECKS.content({ schemaVersion: SCHEMA_VERSION, summary: null, ...content });
    if (problem)
      throw new AppError('invalid_input', `The article “${String(summary.title)}” cannot be stored (${problem}).`);
    checkSourceExt(source.ext);
    const state: StateFile = { schemaVersion: SCHEMA_VERSION, ...(article.state ?? emptyState()) };
    const stateProblem = FILE_CHECKS.state(state);
    if (stateProblem)
      throw new AppError('invalid_input', `The annotations of “${summary.title}” cannot be stored (${stateProblem}).`);
    if (this.index.has(id) || this.adding.has(id)) {
      throw new AppError('conflict', `An article with id ${id} is already in the library.`);
    }
    const stored = copySummary(summary);
    this.adding.add(id);
    try {
      await this.addFiles(id, stored, article, state);
    } finally {
      this.adding.delete(id);
    }
  }

  private async addFiles(
    id: string,
    stored: ArticleSummary,
    { content, source }: NewStoredArticle,
    state: StateFile,
  ): Promise<void> {
    await this.cache.with(id, async (entry) => {
      await this.files.makeFolder(id, stored.title);
      const contentFile = this.files.newContentFile(
        id,
        {
          schemaVersion: SCHEMA_VERSION,
          summary: stored,
          html: content.html,
          text: content.text,
          textSha256: content.textSha256,
          ...removedOf(content),
        },
        () => `the text of “${stored.title}”`,
      );
      const stateFile = this.files.newStateFile(
        id,
        { ...state, ...cloneState(state) },
        () => `the annotations of “${stored.title}”`,
      );
      const sourceFile = this.files.sourceFile(id, source.ext, new Uint8Array(source.bytes));
      entry.content = contentFile;
      entry.state = stateFile;
      entry.source = { file: sourceFile, ext: source.ext };
      entry.contentLost = undefined;
      await Promise.all([sourceFile.save(), contentFile.save(), stateFile.save()]);
      // Listed only once its files are down: a crash before the index write leaves a
      // folder that the next open recovers from meta.json.
      this.index.active.set(id, stored);
      this.index.markDirty(id);
      await Promise.all([this.files.metaFile(id, entry).save(), this.index.save()]);
    });
  }

  async updateSummary(id: string, patch: Partial<Omit<ArticleSummary, 'id'>>): Promise<ArticleSummary> {
    const current = this.index.known(id);
    const next: ArticleSummary = { ...current, ...patch, id };
    const problem = describeProblem('summary', checkSummary, next);
    if (problem)
      throw new AppError('invalid_input', `The details given for “${current.title}” are not valid (${problem}).`);
    const stored = copySummary(next);
    const trashed = this.index.trash.get(id);
    if (trashed) this.index.trash.set(id, { ...trashed, summary: stored });
    else this.index.active.set(id, stored);
    this.index.markDirty(id);
    return this.cache.with(id, async (entry) => {
      await Promise.all([this.index.save(), this.files.metaFile(id, entry).save()]);
      return copySummary(stored);
    });
  }

  async getContent(id: string): Promise<ArticleContent> {
    this.index.known(id);
    return this.cache.with(id, async (entry) => {
      const { html, text, textSha256, removed } = (await this.files.contentFile(id, entry)).data;
      return { html, text, textSha256, ...removedOf({ removed }) };
    });
  }

  async replaceContent(
    id: string,
    content: ArticleContent,
    source?: { bytes: Uint8Array; ext: string },
  ): Promise<void> {
    const summary = this.index.known(id);
    const problem = FILE_CHECKS.content({ schemaVersion: SCHEMA_VERSION, summary: null, ...content });
    if (problem)
      throw new AppError('invalid_input', `The new text of “${summary.title}” cannot be stored (${problem}).`);
    if (source) checkSourceExt(source.ext);
    await this.cache.with(id, async (entry) => {
      let file: StoredFile<ContentFile>;
      try {
        file = await this.files.contentFile(id, entry);
      } catch (e) {
        if (!(e instanceof AppError) || e.code === 'unsupported_file') throw e;
        // Missing or damaged (already moved aside): the new text simply takes its place.
        file = this.files.newContentFile(id, {
          schemaVersion: SCHEMA_VERSION,
          summary: null,
          html: '',
          text: '',
          textSha256: '',
        });
        await this.files.makeFolder(id, summary.title);
        entry.content = file;
        entry.contentLost = undefined;
      }
      file.data = {
        schemaVersion: SCHEMA_VERSION,
        summary: copySummary(summary),
        html: content.html,
        text: content.text,
        textSha256: content.textSha256,
        ...removedOf(content),
      };
      const saves = [file.save()];
      if (source) saves.push((await this.replaceSource(id, entry, source)).written);
      await Promise.all(saves);
    });
  }

  /** Starts writing the new source; the old one is backed up first and removed once the new one is down. */
  private async replaceSource(
    id: string,
    entry: ArticleFiles,
    source: { bytes: Uint8Array; ext: string },
  ): Promise<{ written: Promise<void> }> {
    const { fs, status, backups } = this.ctx;
    const oldExt = entry.source?.ext ?? (await this.files.findSourceExt(id));
    if (oldExt !== null && status.writable())
      await backups.maybeBackup(join(this.ctx.folder(id), `source.${oldExt}`), true);
    const next = this.files.sourceFile(id, source.ext, new Uint8Array(source.bytes));
    entry.source = { file: next, ext: source.ext };
    const written = next.save().then(async () => {
      if (oldExt !== null && oldExt !== source.ext && !next.unsaved) {
        await fs.unlink(join(this.ctx.folder(id), `source.${oldExt}`)).catch(() => undefined);
      }
    });
    return { written };
  }

  async getState(id: string): Promise<ArticleState> {
    this.index.known(id);
    return this.cache.with(id, async (entry) => cloneState((await this.files.stateFile(id, entry)).data));
  }

  async updateState(id: string, change: (state: ArticleState) => ArticleState): Promise<ArticleState> {
    this.index.known(id);
    return this.cache.with(id, async (entry) => {
      const file = await this.files.stateFile(id, entry);
      const next = change(cloneState(file.data));
      const data: StateFile = {
        schemaVersion: SCHEMA_VERSION,
        annotations: next.annotations,
        note: next.note,
        position: next.position,
      };
      const problem = FILE_CHECKS.state(data);
      if (problem) {
        throw new AppError(
          'internal',
          `The new annotations of ${this.index.titleOf(id)} are not valid (${problem}); nothing was changed.`,
        );
      }
      file.data = data;
      const result = cloneState(data);
      await file.save();
      return result;
    });
  }

  async readSource(id: string): Promise<{ bytes: Uint8Array; ext: string }> {
    this.index.known(id);
    return this.cache.with(id, async (entry) => {
      if (entry.source) return { bytes: new Uint8Array(entry.source.file.data), ext: entry.source.ext };
      const ext = await this.files.findSourceExt(id);
      if (ext === null) {
        throw new AppError(
          'not_found',
          `The source file of ${this.index.titleOf(id)} is missing from the library folder (articles/${id}).`,
        );
      }
      return { bytes: new Uint8Array(await this.ctx.fs.readFile(join(this.ctx.folder(id), `source.${ext}`))), ext };
    });
  }
}

/** Reader mode's removed passages, copied, or nothing when there are none (older files have none). */
function removedOf(content: Pick<ArticleContent, 'removed'>): Pick<ArticleContent, 'removed'> {
  return content.removed?.length ? { removed: content.removed.map((p) => ({ ...p })) } : {};
}
