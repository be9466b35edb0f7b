// The per-article operations. Each change writes the one file that is its
// truth — state.json for the annotations, note, position and progress (the
// index copies the highlight count and the progress from it), meta.json for
// the details and the trash date — after journaling the article (see
// index-journal.ts). A change of several files (the text, the source, the
// annotations re-anchored to it) is committed as one unit (article-commit.ts),
// and a new article's folder appears whole or not at all (article-add.ts).
import type { ArticleSummary } from '../model/contract';
import { AppError } from '../model/errors';
import { writeNewArticleFolder } from './article-add';
import type { ArticleCache, ArticleFiles } from './article-cache';
import { commitArticleFiles, type CommitFile } from './article-commit';
import type { ArticleFileLoader } from './article-files';
import { checkArticleId, checkSourceExt } from './article-ids';
import { serializeStoredFile } from './atomic-json-file';
import { describeProblem } from '../model/schema';
import { SUMMARY_SHAPE } from '../model/shapes';
import { FILE_CHECKS, SCHEMA_VERSION, type StateFile } from './file-schemas';
import { describeFsError } from './fs-facade';
import type { LibraryIndex } from './library-index';
import { cloneState, copySummary, emptyState } from './store-copies';
import type { StoreContext } from './store-context';
import type { ArticleContent, ArticleState, NewStoredArticle, TextUpdate } from './store-types';

type SummaryPatch = Partial<Omit<ArticleSummary, 'id'>>;

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
      describeProblem('summary', SUMMARY_SHAPE, summary) ??
      FILE_CHECKS.content({ schemaVersion: SCHEMA_VERSION, summary: null, ...content });
    if (problem)
      throw new AppError('invalid_input', `The article “${String(summary.title)}” cannot be stored (${problem}).`);
    checkSourceExt(source.ext);
    const state: StateFile = { schemaVersion: SCHEMA_VERSION, ...cloneState(article.state ?? emptyState()) };
    const stateProblem = FILE_CHECKS.state(state);
    if (stateProblem)
      throw new AppError('invalid_input', `The annotations of “${summary.title}” cannot be stored (${stateProblem}).`);
    if (this.index.has(id) || this.adding.has(id)) {
      throw new AppError('conflict', `An article with id ${id} is already in the library.`);
    }
    const stored = { ...copySummary(summary), highlightCount: state.annotations.length };
    this.adding.add(id);
    try {
      await this.cache.with(id, async (entry) => {
        const written = await writeNewArticleFolder(this.ctx, stored, article, state);
        entry.content = this.files.newContentFile(id, written.content);
        entry.content.adapter.signature = written.signatures.get('content.json');
        entry.state = this.files.newStateFile(id, written.state);
        entry.state.adapter.signature = written.signatures.get('state.json');
        const sourceName = `source.${source.ext}`;
        entry.source = { file: this.files.sourceFile(id, source.ext, new Uint8Array(source.bytes)), ext: source.ext };
        entry.source.file.adapter.signature = written.signatures.get(sourceName);
        this.files.metaFile(id, entry).adapter.signature = written.signatures.get('meta.json');
        entry.contentLost = undefined;
        // Listed once its folder is down; a crash before the journal line is recovered from the folder.
        this.index.active.set(id, stored);
        await this.index.changing(id);
        await this.index.changed();
      });
    } finally {
      this.adding.delete(id);
    }
  }

  async updateSummary(id: string, patch: SummaryPatch): Promise<ArticleSummary> {
    const current = this.index.known(id);
    // The highlight count is counted from state.json, never set; progress lives in state.json.
    const { highlightCount: _count, progress, ...details } = patch;
    const next: ArticleSummary = { ...current, ...details, id, ...(progress !== undefined ? { progress } : {}) };
    const problem = describeProblem('summary', SUMMARY_SHAPE, next);
    if (problem)
      throw new AppError('invalid_input', `The details given for “${current.title}” are not valid (${problem}).`);
    const detailsChanged = Object.keys(details).length > 0;
    return this.cache.with(id, async (entry) => {
      await entry.committing;
      const stored = copySummary(next);
      if (detailsChanged && progress !== undefined) {
        // Two files, one change: committed together, and the memory follows only once both are down.
        const state = await this.files.stateFile(id, entry);
        const stateData: StateFile = { ...state.data, progress };
        const trashedAt = this.index.trash.get(id)?.trashedAt ?? null;
        await this.index.changing(id);
        const signatures = await this.commit(id, entry, [
          { name: 'state.json', data: serializeStoredFile('state', stateData) },
          {
            name: 'meta.json',
            data: serializeStoredFile('meta', { schemaVersion: SCHEMA_VERSION, summary: stored, trashedAt }),
          },
        ]);
        state.data = stateData;
        state.adapter.signature = signatures.get('state.json');
        this.setEntry(id, stored);
        this.files.metaFile(id, entry).adapter.signature = signatures.get('meta.json');
      } else if (progress !== undefined) {
        const state = await this.files.stateFile(id, entry);
        state.data = { ...state.data, progress };
        this.setEntry(id, stored);
        await this.index.changing(id);
        await state.save();
      } else if (detailsChanged) {
        this.setEntry(id, stored);
        await this.index.changing(id);
        await this.files.metaFile(id, entry).save();
      }
      await this.index.changed();
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

  replaceContent(id: string, content: ArticleContent, source?: { bytes: Uint8Array; ext: string }): Promise<void> {
    return this.updateText(id, { content, ...(source ? { source } : {}) }).then(() => undefined);
  }

  /** Replaces the text (and source), the annotations re-anchored to it and some details, as one unit. */
  async updateText(id: string, update: TextUpdate): Promise<{ summary: ArticleSummary; state: ArticleState }> {
    const current = this.index.known(id);
    const problem = FILE_CHECKS.content({ schemaVersion: SCHEMA_VERSION, summary: null, ...update.content });
    if (problem)
      throw new AppError('invalid_input', `The new text of “${current.title}” cannot be stored (${problem}).`);
    if (update.source) checkSourceExt(update.source.ext);
    return this.cache.with(id, async (entry) => {
      await entry.committing;
      const { highlightCount: _count, progress: _progress, ...details } = update.summary ?? {};
      const oldText = await this.files.contentText(id, entry);
      const stateFile = await this.files.stateFile(id, entry);
      const nextState = update.state ? update.state(cloneState(stateFile.data), oldText) : cloneState(stateFile.data);
      const stateData: StateFile = { ...stateFile.data, schemaVersion: SCHEMA_VERSION, ...nextState };
      const stateProblem = FILE_CHECKS.state(stateData);
      if (stateProblem) throw new AppError('internal', `The re-anchored annotations are not valid (${stateProblem}).`);
      const summary: ArticleSummary = {
        ...this.index.known(id),
        ...details,
        id,
        highlightCount: stateData.annotations.length,
      };
      const summaryProblem = describeProblem('summary', SUMMARY_SHAPE, summary);
      if (summaryProblem)
        throw new AppError('invalid_input', `The new details of “${current.title}” are not valid (${summaryProblem}).`);
      const content = { schemaVersion: SCHEMA_VERSION, summary, ...update.content };
      const files: CommitFile[] = [
        { name: 'content.json', data: serializeStoredFile('content', content) },
        { name: 'state.json', data: serializeStoredFile('state', stateData) },
        {
          name: 'meta.json',
          data: serializeStoredFile('meta', { schemaVersion: SCHEMA_VERSION, summary, trashedAt: null }),
        },
      ];
      const oldExt = entry.source?.ext ?? (await this.files.findSourceExt(id));
      if (update.source) files.push({ name: `source.${update.source.ext}`, data: update.source.bytes });
      const remove = update.source && oldExt && oldExt !== update.source.ext ? [`source.${oldExt}`] : [];
      await this.index.changing(id);
      const signatures = await this.commit(id, entry, files, remove);
      // On disk now: the memory follows.
      const contentFile = entry.content ?? this.files.newContentFile(id, content);
      contentFile.data = content;
      contentFile.adapter.signature = signatures.get('content.json');
      entry.content = contentFile;
      entry.contentLost = undefined;
      stateFile.data = stateData;
      stateFile.adapter.signature = signatures.get('state.json');
      if (update.source) {
        const ext = update.source.ext;
        entry.source = { file: this.files.sourceFile(id, ext, new Uint8Array(update.source.bytes)), ext };
        entry.source.file.adapter.signature = signatures.get(`source.${ext}`);
      }
      this.setEntry(id, summary);
      this.files.metaFile(id, entry).adapter.signature = signatures.get('meta.json');
      await this.index.changed();
      return { summary: copySummary(summary), state: cloneState(stateData) };
    });
  }

  async getState(id: string): Promise<ArticleState> {
    this.index.known(id);
    return this.cache.with(id, async (entry) => cloneState((await this.loadState(id, entry)).data));
  }

  async updateState(id: string, change: (state: ArticleState) => ArticleState): Promise<ArticleState> {
    this.index.known(id);
    return this.cache.with(id, async (entry) => {
      await entry.committing;
      const file = await this.loadState(id, entry);
      const next = change(cloneState(file.data));
      const data: StateFile = {
        schemaVersion: SCHEMA_VERSION,
        annotations: next.annotations,
        note: next.note,
        position: next.position,
        ...(file.data.progress !== undefined ? { progress: file.data.progress } : {}),
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
      // Only a change the index shows (the highlight count) needs a journal line first.
      const counted = this.deriveIntoIndex(id, data);
      if (counted) await this.index.changing(id);
      await file.save();
      if (counted) await this.index.changed();
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
      return { bytes: await this.files.readSourceBytes(id, ext), ext };
    });
  }

  /** Loads state.json; when its counts disagree with the index (which is only a copy), the index follows. */
  private async loadState(id: string, entry: ArticleFiles) {
    const fresh = entry.state === undefined;
    const file = await this.files.stateFile(id, entry);
    if (fresh && this.deriveIntoIndex(id, file.data) && this.ctx.status.writable()) {
      this.ctx.track(this.index.changing(id).then(() => this.index.changed()));
    }
    return file;
  }

  /** Copies the counts state.json is the truth for into the index entry; true when that changed it. */
  private deriveIntoIndex(id: string, state: StateFile): boolean {
    const current = this.index.active.get(id) ?? this.index.trash.get(id)?.summary;
    if (!current) return false;
    const progress = state.progress ?? current.progress;
    if (current.highlightCount === state.annotations.length && current.progress === progress) return false;
    this.setEntry(id, { ...current, highlightCount: state.annotations.length, progress });
    return true;
  }

  private setEntry(id: string, summary: ArticleSummary): void {
    const trashed = this.index.trash.get(id);
    if (trashed) this.index.trash.set(id, { ...trashed, summary });
    else this.index.active.set(id, summary);
    this.index.markDirty(id);
  }

  /** Runs a multi-file commit while the article's other writes wait; fails (changing nothing on disk) with a sentence. */
  private async commit(id: string, entry: ArticleFiles, files: CommitFile[], remove: string[] = []) {
    if (!this.ctx.status.writable()) {
      throw new AppError(
        'storage_failed',
        `${capitalizeFirst(this.index.titleOf(id))} was not changed: the library at ${this.ctx.dir} is open read-only.`,
      );
    }
    const settle = [entry.content, entry.state, entry.meta, entry.source?.file].map((f) => f?.settle());
    const run = Promise.all(settle).then(() => commitArticleFiles(this.ctx, id, files, remove));
    entry.committing = run.catch(() => undefined);
    try {
      return await run;
    } catch (e) {
      throw new AppError(
        'storage_failed',
        `${capitalizeFirst(this.index.titleOf(id))} was not changed: Gloss could not write its files (${describeFsError(e)}); the article is as it was.`,
      );
    } finally {
      entry.committing = undefined;
    }
  }
}

function capitalizeFirst(s: string): string {
  return s.replace(/^(“?)(.)/, (_, q: string, c: string) => q + c.toUpperCase());
}

/** Reader mode's removed passages, copied, or nothing when there are none (older files have none). */
function removedOf(content: Pick<ArticleContent, 'removed'>): Pick<ArticleContent, 'removed'> {
  return content.removed?.length ? { removed: content.removed.map((p) => ({ ...p })) } : {};
}
