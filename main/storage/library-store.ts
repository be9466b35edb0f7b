// The library folder on disk, behind the `LibraryStore` interface: this file
// wires the parts together and runs open, flush and close.
//
// Layout (see store-types.ts), plus files of our own:
//   articles/<id>/meta.json   the article's details and trash date: the truth the
//                             library.json entry is derived from (with state.json)
//   library.journal           articles changed since library.json was written
//   articles/<id>/commit.json a multi-file change being committed (article-commit.ts)
//   .tmp/                     temp files of in-flight writes and imports; emptied at open
//
// Every file is written atomically and durably (atomic-write.ts), checked on
// read (file-schemas.ts), upgraded by version (migrations.ts), and never
// written over when it is unreadable or was changed by another program.
import { join } from 'node:path';
import type { ArticleSummary, Notice, ReaderSettings, StoredCorrection } from '../model/contract';
import { ArticleCache } from './article-cache';
import { ArticleFileLoader } from './article-files';
import { ArticleRecords } from './article-records';
import { ArticleTrash } from './article-trash';
import { CorrectionsStore } from './corrections-file';
import { LibraryIndex } from './library-index';
import { lockLibraryFolder } from './library-folder-lock';
import type { HeldLock } from './lock-file';
import { repairIndex } from './repair-index';
import { writeRescueCopy } from './rescue-copy';
import { serializeStoredFile } from './atomic-json-file';
import { describeFsError } from './fs-facade';
import { LibraryWatch } from './library-watch';
import { SettingsStore } from './settings-file';
import { StoreContext, type OpenLibraryStoreOptions } from './store-context';
import type { ArticleContent, ArticleState, LibraryStore, NewStoredArticle, TextUpdate } from './store-types';

export type { OpenLibraryStoreOptions } from './store-context';

export async function openLibraryStore(dir: string, opts: OpenLibraryStoreOptions = {}): Promise<FileLibraryStore> {
  const store = new FileLibraryStore(dir, opts);
  await store.open();
  return store;
}

export class FileLibraryStore implements LibraryStore {
  readonly dir: string;
  private readonly ctx: StoreContext;
  private readonly requestedReadOnly: boolean;
  private lock: HeldLock | null = null;
  private readonly index: LibraryIndex;
  private readonly cache: ArticleCache;
  private readonly articles: ArticleRecords;
  private readonly trash: ArticleTrash;
  private readonly settings: SettingsStore;
  private readonly corrections: CorrectionsStore;
  private watch: LibraryWatch | null = null;

  constructor(dir: string, opts: OpenLibraryStoreOptions) {
    this.ctx = new StoreContext(dir, opts);
    this.dir = this.ctx.dir;
    this.requestedReadOnly = opts.readOnly ?? false;
    this.index = new LibraryIndex(this.ctx);
    this.cache = new ArticleCache(this.ctx);
    this.index.isPending = (id) => this.cache.isPending(id);
    const files = new ArticleFileLoader(this.ctx, this.index, this.cache);
    this.articles = new ArticleRecords(this.ctx, this.index, this.cache, files);
    this.trash = new ArticleTrash(
      this.ctx,
      this.index,
      this.cache,
      files,
      (opts.trashRetentionDays ?? 30) * 86_400_000,
    );
    this.settings = new SettingsStore(this.ctx);
    this.corrections = new CorrectionsStore(this.ctx);
  }

  // ------------------------------------------------------------ status

  get readOnly(): boolean {
    return !this.ctx.status.writable() || this.ctx.status.unsaved.size > 0;
  }

  /** True while some change could not be written and is held in memory only. */
  get hasUnsavedChanges(): boolean {
    return this.ctx.status.unsaved.size > 0;
  }

  takeNotices(): Notice[] {
    return this.ctx.status.take();
  }

  notify(level: Notice['level'], message: string): void {
    this.ctx.status.notify(level, message);
  }

  // ------------------------------------------------------------ lifecycle

  async open(): Promise<void> {
    const now = this.ctx.clock();
    if (!this.requestedReadOnly) this.lock = await lockLibraryFolder(this.ctx, now);
    try {
      const restored = await this.index.load();
      const journaled = await this.index.journal.read();
      await repairIndex(this.ctx, this.index, { recheck: journaled, all: restored });
      await this.settings.load();
      await this.corrections.load();
      if (this.ctx.status.writable()) {
        this.ctx.track(this.trash.purgeExpired(now));
        this.watch = new LibraryWatch(this.ctx, this.lock?.token ?? null);
      }
    } catch (e) {
      await this.releaseLock();
      throw e;
    }
  }

  async flush(): Promise<void> {
    // One more attempt for changes held after a failure (the disk may have room again).
    this.ctx.status.retryOnFlush();
    await this.settle();
    // The index is written lazily (the journal stands in for it): brought up to date here.
    if (this.index.behind && this.ctx.status.writable() && !this.ctx.closed) {
      await this.index.save();
      await this.settle();
    }
  }

  private async settle(): Promise<void> {
    for (let round = 0; round < 10; round++) {
      const pending = this.pendingWork();
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  private pendingWork(): Promise<unknown>[] {
    const out: Promise<unknown>[] = [...this.ctx.background];
    const files: ({ writing: boolean; settle(): Promise<void> } | undefined)[] = [
      this.index.file,
      this.settings.file,
      this.corrections.file,
    ];
    for (const e of this.cache.entries()) {
      files.push(e.content, e.state, e.meta, e.source?.file);
      out.push(...e.loading.values());
    }
    for (const f of files) if (f?.writing) out.push(f.settle());
    return out;
  }

  async close(): Promise<void> {
    if (this.ctx.closed) return;
    await this.watch?.check();
    await this.flush();
    if (this.ctx.status.lostReason && this.ctx.status.unsaved.size > 0) await this.rescue();
    this.watch?.stop();
    await this.index.journal.close();
    this.ctx.closed = true;
    await this.releaseLock();
  }

  /** The folder was lost while open: the changes held in memory go to a rescue folder beside it. */
  private async rescue(): Promise<void> {
    const { status, rescueDir } = this.ctx;
    try {
      const articles = await writeRescueCopy(this.ctx, {
        index: this.index,
        cache: this.cache,
        settings: serializeStoredFile('settings', this.settings.file.data),
        corrections: serializeStoredFile('entities', this.corrections.file.data),
      });
      status.notify(
        'warning',
        `Your unsaved changes (${articles} article${articles === 1 ? '' : 's'}, the settings and the entity corrections) were saved to ${rescueDir}; open it with --library "${rescueDir}".`,
      );
    } catch (e) {
      status.notify('error', `Gloss could not save your unsaved changes to ${rescueDir} (${describeFsError(e)}).`);
    }
  }

  private async releaseLock(): Promise<void> {
    await this.lock?.release();
    this.lock = null;
    this.ctx.status.locked = false;
  }

  // ------------------------------------------------------------ articles

  listSummaries(): ArticleSummary[] {
    return this.index.list();
  }

  getSummary(id: string): ArticleSummary | undefined {
    return this.index.get(id);
  }

  findBySourceSha256(sha256: string): ArticleSummary | undefined {
    return this.index.findBySourceSha256(sha256);
  }

  addArticle(article: NewStoredArticle): Promise<void> {
    return this.articles.add(article).finally(() => this.stateWritten(article.summary.id));
  }

  updateSummary(id: string, patch: Partial<Omit<ArticleSummary, 'id'>>): Promise<ArticleSummary> {
    return this.articles.updateSummary(id, patch).finally(() => this.changes++);
  }

  getContent(id: string): Promise<ArticleContent> {
    return this.articles.getContent(id);
  }

  replaceContent(id: string, content: ArticleContent, source?: { bytes: Uint8Array; ext: string }): Promise<void> {
    return this.articles.replaceContent(id, content, source).finally(() => this.changes++);
  }

  updateText(id: string, update: TextUpdate): Promise<{ summary: ArticleSummary; state: ArticleState }> {
    return this.articles.updateText(id, update).finally(() => this.stateWritten(id));
  }

  getState(id: string): Promise<ArticleState> {
    return this.articles.getState(id);
  }

  updateState(id: string, change: (state: ArticleState) => ArticleState): Promise<ArticleState> {
    return this.articles.updateState(id, change).finally(() => this.stateWritten(id));
  }

  // Bumped when a write ends, failed ones included (a failed write may have changed the cache).
  private readonly stateVersions = new Map<string, number>();

  private stateWritten(id: string): void {
    this.stateVersions.set(id, (this.stateVersions.get(id) ?? 0) + 1);
    this.changes++;
  }

  private changes = 0;

  changeCount(): number {
    return this.changes;
  }

  stateVersion(id: string): number {
    return this.stateVersions.get(id) ?? 0;
  }

  stateStamp(id: string): Promise<string | null> {
    return this.fileStamp(id, 'state.json');
  }

  contentStamp(id: string): Promise<string | null> {
    return this.fileStamp(id, 'content.json');
  }

  private async fileStamp(id: string, name: string): Promise<string | null> {
    try {
      const { size, mtimeMs, ino } = await this.ctx.env.fs.stat(join(this.ctx.folder(id), name));
      return `${size}:${mtimeMs}:${ino}`;
    } catch {
      return null; // no such file (or none readable): its reader reports why
    }
  }

  readSource(id: string): Promise<{ bytes: Uint8Array; ext: string }> {
    return this.articles.readSource(id);
  }

  trashArticle(id: string): Promise<void> {
    return this.trash.trash(id).finally(() => this.changes++);
  }

  restoreArticle(id: string): Promise<ArticleSummary> {
    return this.trash.restore(id).finally(() => this.changes++);
  }

  // ------------------------------------------------------------ settings and corrections

  getSettings(): ReaderSettings {
    return this.settings.get();
  }

  updateSettings(patch: Partial<ReaderSettings>): Promise<ReaderSettings> {
    return this.settings.update(patch);
  }

  getCorrections(): StoredCorrection[] {
    return this.corrections.get();
  }

  setCorrections(corrections: StoredCorrection[]): Promise<void> {
    return this.corrections.set(corrections);
  }
}
