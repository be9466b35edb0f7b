// The library folder on disk, behind the `LibraryStore` interface.
//
// Layout (see store-types.ts), plus two files of our own:
//   articles/<id>/meta.json   the article's index entry and trash date, so a lost
//                             library.json can be rebuilt from the folders
//   .tmp/                     temp files of in-flight atomic writes; emptied at open
//
// Every file is written atomically and durably (atomic-write.ts), checked on
// read (file-schemas.ts), upgraded by version (migrations.ts), and never
// written over when it is unreadable or was changed by another program.
import { join, resolve } from 'node:path';
import type { Annotation, ArticleSummary, Notice, ReaderSettings, StoredCorrection } from '../api/contract';
import { AppError } from '../app/errors';
import { AtomicBytesFile } from './atomic-bytes-file';
import { syncDir } from './atomic-write';
import { AtomicJsonFile, CorruptFileError, parseStoredFile, type AtomicJsonFileEnv } from './atomic-json-file';
import { loadStoredFile, type LoadResult, type RecoveryContext } from './file-recovery';
import { mergeIndex } from './merge-index';
import { StoreStatus } from './store-status';
import { BackupManager, DEFAULT_BACKUP_POLICY, type BackupPolicy } from './backups';
import {
  checkSettings,
  checkStoredCorrection,
  checkSummary,
  DEFAULT_SETTINGS,
  describeProblem,
  FILE_CHECKS,
  SCHEMA_VERSION,
  type ContentFile,
  type EntitiesFile,
  type FileKindMap,
  type IndexFile,
  type MetaFile,
  type SettingsFile,
  type StateFile,
  type TrashEntry,
} from './file-schemas';
import { describeFsError, isNotWritableError, nodeFs, type StoreFs } from './fs-facade';
import { acquireLock, type HeldLock } from './lock-file';
import { quarantineFile } from './quarantine';
import { StoredFile } from './stored-file';
import type { ArticleContent, ArticleState, LibraryStore, NewStoredArticle } from './store-types';

export interface OpenLibraryStoreOptions {
  clock?: () => Date;
  /** Open without the lock and never write; changes stay in memory. */
  readOnly?: boolean;
  /** File operations; tests inject failures (disk full, permission denied). */
  fs?: StoreFs;
  backupPolicy?: Partial<BackupPolicy>;
  trashRetentionDays?: number;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const EXT = /^[A-Za-z0-9]{1,16}$/;
const SOURCE_NAME = /^source\.([A-Za-z0-9]{1,16})$/;
/** Articles whose files stay in memory; older idle ones are dropped. */
const CACHE_LIMIT = 64;

interface ArticleFiles {
  busy: number;
  content?: StoredFile<ContentFile>;
  /** Set when content.json was unreadable and no backup existed. */
  contentLost?: string;
  state?: StoredFile<StateFile>;
  meta?: StoredFile<MetaFile>;
  source?: { file: StoredFile<Uint8Array>; ext: string };
  loading: Map<string, Promise<unknown>>;
}

export async function openLibraryStore(dir: string, opts: OpenLibraryStoreOptions = {}): Promise<FileLibraryStore> {
  const store = new FileLibraryStore(dir, opts);
  await store.open();
  return store;
}

function copySummary(s: ArticleSummary): ArticleSummary {
  return { ...s, tags: [...s.tags] };
}

/** A typed deep copy: several times faster than structuredClone on a thousand annotations. */
function cloneAnnotation(a: Annotation): Annotation {
  const [pos, quote] = a.target.selector;
  return {
    ...a,
    target: { ...a.target, selector: [{ ...pos }, { ...quote }] },
    body: { ...a.body, tags: [...a.body.tags] },
  };
}

function cloneState(s: StateFile | ArticleState): ArticleState {
  return { annotations: s.annotations.map(cloneAnnotation), note: s.note, position: s.position };
}

function emptyState(): StateFile {
  return { schemaVersion: SCHEMA_VERSION, annotations: [], note: '', position: 0 };
}

export class FileLibraryStore implements LibraryStore {
  readonly dir: string;
  private readonly fs: StoreFs;
  private readonly clock: () => Date;
  private readonly requestedReadOnly: boolean;
  private readonly trashRetentionMs: number;
  private readonly tmpDir: string;
  private readonly articlesDir: string;
  private readonly backups: BackupManager;
  private readonly env: AtomicJsonFileEnv;
  private readonly blindEnv: AtomicJsonFileEnv;

  private lock: HeldLock | null = null;
  private closed = false;
  private readonly background = new Set<Promise<unknown>>();
  private readonly status: StoreStatus;
  private readonly recovery: RecoveryContext;

  private readonly active = new Map<string, ArticleSummary>();
  private readonly trash = new Map<string, TrashEntry>();
  /** Index entries changed since the last index write, with a change counter: merged over external edits. */
  private readonly indexDirty = new Map<string, number>();
  private indexWriting = new Map<string, number>();
  private changeSeq = 0;
  private readonly articles = new Map<string, ArticleFiles>();
  /** Ids whose addArticle is writing files: not listed yet, but taken. */
  private readonly adding = new Set<string>();

  private index!: StoredFile<IndexFile>;
  private settings!: StoredFile<SettingsFile>;
  private entities!: StoredFile<EntitiesFile>;

  constructor(dir: string, opts: OpenLibraryStoreOptions) {
    this.dir = resolve(dir);
    this.fs = opts.fs ?? nodeFs;
    this.clock = opts.clock ?? (() => new Date());
    this.requestedReadOnly = opts.readOnly ?? false;
    this.trashRetentionMs = (opts.trashRetentionDays ?? 30) * 86_400_000;
    this.tmpDir = join(this.dir, '.tmp');
    this.articlesDir = join(this.dir, 'articles');
    this.backups = new BackupManager(this.fs, this.dir, this.clock, { ...DEFAULT_BACKUP_POLICY, ...opts.backupPolicy });
    this.env = { fs: this.fs, tmpDir: this.tmpDir, beforeReplace: (path) => this.backups.maybeBackup(path) };
    this.blindEnv = { fs: this.fs, tmpDir: this.tmpDir };
    this.status = new StoreStatus(this.dir, (p) => this.track(p));
    this.recovery = { fs: this.fs, backups: this.backups, clock: this.clock, status: this.status };
  }

  // ------------------------------------------------------------ status

  get readOnly(): boolean {
    return !this.status.writable() || this.status.unsaved.size > 0;
  }

  /** True while some change could not be written and is held in memory only. */
  get hasUnsavedChanges(): boolean {
    return this.status.unsaved.size > 0;
  }

  takeNotices(): Notice[] {
    return this.status.take();
  }

  private track(p: Promise<unknown>): void {
    const q: Promise<unknown> = p.catch(() => undefined).finally(() => this.background.delete(q));
    this.background.add(q);
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('internal', `The library at ${this.dir} has been closed.`);
  }

  // ------------------------------------------------------------ open

  async open(): Promise<void> {
    const now = this.clock();
    if (!this.requestedReadOnly) {
      try {
        await this.fs.mkdir(this.dir, { recursive: true });
      } catch (e) {
        const exists = await this.fs.stat(this.dir).then((st) => st.isDirectory(), () => false);
        if (!exists) throw new AppError('storage_failed', `Could not create the library folder ${this.dir} (${describeFsError(e)}).`);
      }
      try {
        this.lock = await acquireLock(this.fs, this.dir, now);
        this.status.locked = this.lock !== null;
        if (this.lock) {
          await this.fs.mkdir(this.tmpDir, { recursive: true });
          await this.removeStaleTemps();
        }
      } catch (e) {
        if (e instanceof AppError) throw e;
        if (!isNotWritableError(e)) {
          await this.lock?.release();
          throw new AppError('storage_failed', `Could not open the library at ${this.dir} (${describeFsError(e)}).`);
        }
        this.status.notWritable = true;
      }
      if (!this.status.writable()) {
        this.status.announceReadOnly(
          `The library folder ${this.dir} cannot be written, so Gloss opened it read-only: changes will not be saved.`,
        );
      }
    }
    try {
      await this.loadIndex();
      await this.recoverFolders();
      await this.loadSettingsAndEntities();
      if (this.status.writable()) this.track(this.purgeTrash(now));
    } catch (e) {
      await this.lock?.release();
      this.lock = null;
      this.status.locked = false;
      throw e;
    }
  }

  /** Temp files left by a crash mid-write: the target still holds the old or the new version. */
  private async removeStaleTemps(): Promise<void> {
    for (const name of await this.fs.readdir(this.tmpDir)) {
      await this.fs.rm(join(this.tmpDir, name), { force: true, recursive: true });
    }
  }

  private async loadIndex(): Promise<void> {
    const adapter = new AtomicJsonFile(join(this.dir, 'library.json'), 'index', this.env);
    this.index = new StoredFile<IndexFile>(
      adapter,
      { schemaVersion: SCHEMA_VERSION, articles: [], trash: [] },
      this.status,
      {
        label: () => 'the library index (library.json)',
        prepare: () => {
          this.indexWriting = new Map(this.indexDirty);
          return {
            schemaVersion: SCHEMA_VERSION,
            articles: [...this.active.values()],
            trash: [...this.trash.values()],
          };
        },
        afterWrite: () => {
          for (const [id, seq] of this.indexWriting) if (this.indexDirty.get(id) === seq) this.indexDirty.delete(id);
        },
        resolveConflict: () => this.mergeIndexFromDisk(),
      },
    );
    const r = await loadStoredFile(this.recovery, this.index, 'index');
    if (r.status === 'newer') {
      throw new AppError(
        'unsupported_file',
        `The library at ${this.dir} was written by a newer version of Gloss (schema ${r.version}); update Gloss to open it.`,
      );
    }
    if (r.status === 'ok' || r.status === 'restored') {
      for (const s of r.data.articles) this.active.set(s.id, s);
      for (const t of r.data.trash) if (!this.active.has(t.summary.id)) this.trash.set(t.summary.id, t);
    }
    await this.persistLoaded(this.index, r);
  }

  /** Writes back a file that was upgraded (after a pre-migration backup) or restored from a backup. */
  private async persistLoaded(file: { frozen: boolean; path: string; save(): Promise<void> }, r: LoadResult<unknown>): Promise<void> {
    if (!this.status.writable() || file.frozen) return;
    if (r.status === 'ok' && r.migrated) {
      await this.backups.maybeBackup(file.path, true);
      this.track(file.save());
    } else if (r.status === 'restored') {
      this.track(file.save());
    }
  }

  /**
   * Article folders the index does not list: an import interrupted before the
   * index write, or an index restored from an older backup or lost entirely.
   */
  private async recoverFolders(): Promise<void> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.articlesDir);
    } catch {
      return;
    }
    const orphans = names.filter((n) => ID.test(n) && !this.active.has(n) && !this.trash.has(n));
    if (orphans.length === 0) return;
    let recovered = 0;
    for (let i = 0; i < orphans.length; i += 64) {
      const batch = orphans.slice(i, i + 64);
      const found = await Promise.all(batch.map((id) => this.readFolderSummary(id)));
      for (const f of found) {
        if (!f) continue;
        if (f.trashedAt) this.trash.set(f.summary.id, { summary: f.summary, trashedAt: f.trashedAt });
        else this.active.set(f.summary.id, f.summary);
        this.markIndexDirty(f.summary.id);
        recovered += 1;
      }
    }
    if (recovered === 0) return;
    this.status.notify(
      'info',
      `Recovered ${recovered} article${recovered === 1 ? '' : 's'} missing from the library index (library.json) from ${recovered === 1 ? 'its folder' : 'their folders'}.`,
    );
    this.track(this.index.save());
  }

  private async readFolderSummary(id: string): Promise<{ summary: ArticleSummary; trashedAt: string | null } | null> {
    const folder = join(this.articlesDir, id);
    try {
      const path = join(folder, 'meta.json');
      const meta = parseStoredFile('meta', path, await this.fs.readFile(path)).data;
      return { summary: { ...meta.summary, id }, trashedAt: meta.trashedAt };
    } catch {
      // fall back on the copy kept in content.json
    }
    try {
      const path = join(folder, 'content.json');
      const content = parseStoredFile('content', path, await this.fs.readFile(path)).data;
      if (content.summary) return { summary: { ...content.summary, id }, trashedAt: null };
    } catch {
      // an unreadable folder: left alone on disk
    }
    return null;
  }

  private async loadSettingsAndEntities(): Promise<void> {
    this.settings = new StoredFile<SettingsFile>(
      new AtomicJsonFile(join(this.dir, 'settings.json'), 'settings', this.env),
      { schemaVersion: SCHEMA_VERSION, settings: { ...DEFAULT_SETTINGS } },
      this.status,
      { label: () => 'the reader settings (settings.json)' },
    );
    this.entities = new StoredFile<EntitiesFile>(
      new AtomicJsonFile(join(this.dir, 'entities.json'), 'entities', this.env),
      { schemaVersion: SCHEMA_VERSION, corrections: [] },
      this.status,
      { label: () => 'the entity corrections (entities.json)' },
    );
    for (const [file, kind] of [
      [this.settings, 'settings'],
      [this.entities, 'entities'],
    ] as const) {
      const r = await loadStoredFile(this.recovery, file as StoredFile<FileKindMap[typeof kind]>, kind);
      await this.persistLoaded(file, r);
    }
  }

  private async mergeIndexFromDisk(): Promise<boolean> {
    let disk: IndexFile | null;
    try {
      disk = await (this.index.adapter as AtomicJsonFile<'index'>).read();
    } catch (e) {
      if (!(e instanceof CorruptFileError)) return false;
      const movedTo = await quarantineFile(this.fs, this.index.path, this.clock());
      if (movedTo === null) return false;
      this.index.adapter.signature = null;
      this.status.notify('warning', `The library index (library.json) was damaged by another program (${e.reason}) and was moved aside as ${movedTo}; Gloss wrote its own copy.`);
      return true;
    }
    if (disk === null) return true;
    const { active, trash } = mergeIndex(disk, { active: this.active, trash: this.trash }, this.indexDirty);
    this.active.clear();
    this.trash.clear();
    for (const [id, x] of active) this.active.set(id, x);
    for (const [id, x] of trash) this.trash.set(id, x);
    this.status.notify('info', 'The library index (library.json) was changed by another program; Gloss merged those changes with its own.');
    return true;
  }

  private async purgeTrash(now: Date): Promise<void> {
    const expired = [...this.trash.values()].filter((t) => now.getTime() - Date.parse(t.trashedAt) > this.trashRetentionMs);
    if (expired.length === 0) return;
    for (const t of expired) {
      const id = t.summary.id;
      try {
        // Folder first: a crash here leaves the entry in the trash, purged again next time.
        await this.fs.rm(join(this.articlesDir, id), { recursive: true, force: true });
        await this.backups.removeArticle(id);
      } catch {
        continue;
      }
      this.trash.delete(id);
      this.articles.delete(id);
      this.markIndexDirty(id);
    }
    await this.index.save();
  }

  private markIndexDirty(id: string): void {
    this.changeSeq += 1;
    this.indexDirty.set(id, this.changeSeq);
  }

  // ------------------------------------------------------------ articles: helpers

  private checkId(id: string): void {
    this.assertOpen();
    if (typeof id !== 'string' || !ID.test(id)) throw new AppError('invalid_input', `"${String(id)}" is not a valid article id.`);
  }

  private knownSummary(id: string): ArticleSummary {
    this.checkId(id);
    const s = this.active.get(id) ?? this.trash.get(id)?.summary;
    if (!s) throw new AppError('not_found', `There is no article with id ${id} in the library.`);
    return s;
  }

  private titleOf(id: string): string {
    const s = this.active.get(id) ?? this.trash.get(id)?.summary;
    return s ? `“${s.title}”` : `article ${id}`;
  }

  private async withArticle<T>(id: string, fn: (entry: ArticleFiles) => Promise<T>): Promise<T> {
    this.assertOpen();
    let entry = this.articles.get(id);
    if (entry) {
      this.articles.delete(id); // most recently used last
    } else {
      entry = { busy: 0, loading: new Map() };
    }
    this.articles.set(id, entry);
    entry.busy += 1;
    try {
      return await fn(entry);
    } finally {
      entry.busy -= 1;
      this.evict();
    }
  }

  private evict(): void {
    if (this.articles.size <= CACHE_LIMIT) return;
    for (const [id, e] of this.articles) {
      if (this.articles.size <= (CACHE_LIMIT * 3) / 4) break;
      const files = [e.content, e.state, e.meta, e.source?.file].filter((f) => f !== undefined);
      if (e.busy === 0 && e.loading.size === 0 && files.every((f) => f.idle)) this.articles.delete(id);
    }
  }

  private once<T>(entry: ArticleFiles, key: string, load: () => Promise<T>): Promise<T> {
    const pending = entry.loading.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const p = load().finally(() => entry.loading.delete(key));
    entry.loading.set(key, p);
    return p;
  }

  private folder(id: string): string {
    return join(this.articlesDir, id);
  }

  private stateFile(id: string, entry: ArticleFiles): Promise<StoredFile<StateFile>> {
    if (entry.state) return Promise.resolve(entry.state);
    return this.once(entry, 'state', async () => {
      const file = new StoredFile<StateFile>(
        new AtomicJsonFile(join(this.folder(id), 'state.json'), 'state', this.env),
        emptyState(),
        this.status,
        { label: () => `the annotations of ${this.titleOf(id)}` },
      );
      const r = await loadStoredFile(this.recovery, file, 'state');
      if (r.status === 'newer') {
        throw new AppError(
          'unsupported_file',
          `The annotations of ${this.titleOf(id)} were saved by a newer version of Gloss; update Gloss to open this article.`,
        );
      }
      await this.persistLoaded(file, r);
      entry.state = file;
      return file;
    });
  }

  private contentFile(id: string, entry: ArticleFiles): Promise<StoredFile<ContentFile>> {
    if (entry.content) return Promise.resolve(entry.content);
    return this.once(entry, 'content', async () => {
      const file = new StoredFile<ContentFile>(
        new AtomicJsonFile(join(this.folder(id), 'content.json'), 'content', this.env),
        { schemaVersion: SCHEMA_VERSION, summary: null, html: '', text: '', textSha256: '' },
        this.status,
        { label: () => `the text of ${this.titleOf(id)}` },
      );
      const r = entry.contentLost ? ({ status: 'lost', movedTo: entry.contentLost } as const) : await loadStoredFile(this.recovery, file, 'content');
      switch (r.status) {
        case 'newer':
          throw new AppError(
            'unsupported_file',
            `The text of ${this.titleOf(id)} was saved by a newer version of Gloss; update Gloss to open this article.`,
          );
        case 'missing':
          throw new AppError(
            'not_found',
            `The text of ${this.titleOf(id)} is missing from the library folder (articles/${id}/content.json).`,
          );
        case 'lost':
          entry.contentLost = r.movedTo ?? 'content.json';
          throw new AppError(
            'internal',
            `The text of ${this.titleOf(id)} is damaged (kept as articles/${id}/${entry.contentLost}) and no backup exists; re-import the article from its source.`,
          );
        default:
          await this.persistLoaded(file, r);
          entry.content = file;
          return file;
      }
    });
  }

  private metaFile(id: string, entry: ArticleFiles): StoredFile<MetaFile> {
    if (entry.meta) return entry.meta;
    const adapter = new AtomicJsonFile(join(this.folder(id), 'meta.json'), 'meta', this.blindEnv);
    const file: StoredFile<MetaFile> = new StoredFile<MetaFile>(adapter, null as unknown as MetaFile, this.status, {
      label: () => `the details of ${this.titleOf(id)}`,
      // A derived copy of the index entry: always ours to rewrite; `undefined` skips the write once purged.
      prepare: () => this.metaData(id) as MetaFile,
      resolveConflict: async () => {
        adapter.signature = undefined;
        return true;
      },
    });
    entry.meta = file;
    return file;
  }

  private metaData(id: string): MetaFile | undefined {
    const s = this.active.get(id);
    if (s) return { schemaVersion: SCHEMA_VERSION, summary: s, trashedAt: null };
    const t = this.trash.get(id);
    if (t) return { schemaVersion: SCHEMA_VERSION, summary: t.summary, trashedAt: t.trashedAt };
    return undefined;
  }

  private sourceFile(id: string, ext: string, bytes: Uint8Array): StoredFile<Uint8Array> {
    return new StoredFile<Uint8Array>(new AtomicBytesFile(join(this.folder(id), `source.${ext}`), this.blindEnv), bytes, this.status, {
      label: () => `the source file of ${this.titleOf(id)}`,
    });
  }

  private async findSourceExt(id: string): Promise<string | null> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.folder(id));
    } catch {
      return null;
    }
    for (const n of names) {
      const m = SOURCE_NAME.exec(n);
      if (m) return m[1]!;
    }
    return null;
  }

  private async makeFolder(id: string, title: string): Promise<void> {
    if (!this.status.writable()) return;
    try {
      await this.fs.mkdir(this.folder(id), { recursive: true });
      // The folder's own entry must survive a power cut too, not just the files inside it.
      await syncDir(this.fs, this.articlesDir);
      await syncDir(this.fs, this.dir);
    } catch (e) {
      // The file writes that follow fail too; their retries recreate the folder.
      this.status.reportFailure(`the article “${title}”`, e);
    }
  }

  // ------------------------------------------------------------ articles: API

  listSummaries(): ArticleSummary[] {
    return [...this.active.values()].map(copySummary);
  }

  getSummary(id: string): ArticleSummary | undefined {
    const s = this.active.get(id);
    return s ? copySummary(s) : undefined;
  }

  findBySourceSha256(sha256: string): ArticleSummary | undefined {
    for (const s of this.active.values()) if (s.sourceSha256 === sha256) return copySummary(s);
    return undefined;
  }

  async addArticle(article: NewStoredArticle): Promise<void> {
    const { summary, content, source } = article;
    this.checkId(summary.id);
    const id = summary.id;
    const problem = describeProblem('summary', checkSummary, summary) ?? FILE_CHECKS.content({ schemaVersion: SCHEMA_VERSION, summary: null, ...content });
    if (problem) throw new AppError('invalid_input', `The article “${String(summary.title)}” cannot be stored (${problem}).`);
    if (!EXT.test(source.ext)) throw new AppError('invalid_input', `"${source.ext}" is not a valid source file extension.`);
    const state: StateFile = { schemaVersion: SCHEMA_VERSION, ...(article.state ?? emptyState()) };
    const stateProblem = FILE_CHECKS.state(state);
    if (stateProblem) throw new AppError('invalid_input', `The annotations of “${summary.title}” cannot be stored (${stateProblem}).`);
    if (this.active.has(id) || this.trash.has(id) || this.adding.has(id)) {
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

  private async addFiles(id: string, stored: ArticleSummary, { content, source }: NewStoredArticle, state: StateFile): Promise<void> {
    await this.withArticle(id, async (entry) => {
      await this.makeFolder(id, stored.title);
      const contentFile = new StoredFile<ContentFile>(
        new AtomicJsonFile(join(this.folder(id), 'content.json'), 'content', this.env),
        { schemaVersion: SCHEMA_VERSION, summary: stored, html: content.html, text: content.text, textSha256: content.textSha256 },
        this.status,
        { label: () => `the text of “${stored.title}”` },
      );
      const stateFile = new StoredFile<StateFile>(
        new AtomicJsonFile(join(this.folder(id), 'state.json'), 'state', this.env),
        { ...state, ...cloneState(state) },
        this.status,
        { label: () => `the annotations of “${stored.title}”` },
      );
      const sourceFile = this.sourceFile(id, source.ext, new Uint8Array(source.bytes));
      entry.content = contentFile;
      entry.state = stateFile;
      entry.source = { file: sourceFile, ext: source.ext };
      entry.contentLost = undefined;
      await Promise.all([sourceFile.save(), contentFile.save(), stateFile.save()]);
      // Listed only once its files are down: a crash before the index write leaves a
      // folder that the next open recovers from meta.json.
      this.active.set(id, stored);
      this.markIndexDirty(id);
      await Promise.all([this.metaFile(id, entry).save(), this.index.save()]);
    });
  }

  async updateSummary(id: string, patch: Partial<Omit<ArticleSummary, 'id'>>): Promise<ArticleSummary> {
    const current = this.knownSummary(id);
    const next: ArticleSummary = { ...current, ...patch, id };
    const problem = describeProblem('summary', checkSummary, next);
    if (problem) throw new AppError('invalid_input', `The details given for “${current.title}” are not valid (${problem}).`);
    const stored = copySummary(next);
    const trashed = this.trash.get(id);
    if (trashed) this.trash.set(id, { ...trashed, summary: stored });
    else this.active.set(id, stored);
    this.markIndexDirty(id);
    return this.withArticle(id, async (entry) => {
      await Promise.all([this.index.save(), this.metaFile(id, entry).save()]);
      return copySummary(stored);
    });
  }

  async getContent(id: string): Promise<ArticleContent> {
    this.knownSummary(id);
    return this.withArticle(id, async (entry) => {
      const { html, text, textSha256 } = (await this.contentFile(id, entry)).data;
      return { html, text, textSha256 };
    });
  }

  async replaceContent(id: string, content: ArticleContent, source?: { bytes: Uint8Array; ext: string }): Promise<void> {
    const summary = this.knownSummary(id);
    const problem = FILE_CHECKS.content({ schemaVersion: SCHEMA_VERSION, summary: null, ...content });
    if (problem) throw new AppError('invalid_input', `The new text of “${summary.title}” cannot be stored (${problem}).`);
    if (source && !EXT.test(source.ext)) throw new AppError('invalid_input', `"${source.ext}" is not a valid source file extension.`);
    await this.withArticle(id, async (entry) => {
      let file: StoredFile<ContentFile>;
      try {
        file = await this.contentFile(id, entry);
      } catch (e) {
        if (!(e instanceof AppError) || e.code === 'unsupported_file') throw e;
        // Missing or damaged (already moved aside): the new text simply takes its place.
        file = new StoredFile<ContentFile>(
          new AtomicJsonFile(join(this.folder(id), 'content.json'), 'content', this.env),
          { schemaVersion: SCHEMA_VERSION, summary: null, html: '', text: '', textSha256: '' },
          this.status,
          { label: () => `the text of ${this.titleOf(id)}` },
        );
        await this.makeFolder(id, summary.title);
        entry.content = file;
        entry.contentLost = undefined;
      }
      file.data = {
        schemaVersion: SCHEMA_VERSION,
        summary: copySummary(summary),
        html: content.html,
        text: content.text,
        textSha256: content.textSha256,
      };
      const saves = [file.save()];
      if (source) {
        const oldExt = entry.source?.ext ?? (await this.findSourceExt(id));
        if (oldExt !== null && this.status.writable()) await this.backups.maybeBackup(join(this.folder(id), `source.${oldExt}`), true);
        const next = this.sourceFile(id, source.ext, new Uint8Array(source.bytes));
        entry.source = { file: next, ext: source.ext };
        saves.push(
          next.save().then(async () => {
            if (oldExt !== null && oldExt !== source.ext && !next.unsaved) {
              await this.fs.unlink(join(this.folder(id), `source.${oldExt}`)).catch(() => undefined);
            }
          }),
        );
      }
      await Promise.all(saves);
    });
  }

  async getState(id: string): Promise<ArticleState> {
    this.knownSummary(id);
    return this.withArticle(id, async (entry) => cloneState((await this.stateFile(id, entry)).data));
  }

  async updateState(id: string, change: (state: ArticleState) => ArticleState): Promise<ArticleState> {
    this.knownSummary(id);
    return this.withArticle(id, async (entry) => {
      const file = await this.stateFile(id, entry);
      const next = change(cloneState(file.data));
      const data: StateFile = {
        schemaVersion: SCHEMA_VERSION,
        annotations: next.annotations,
        note: next.note,
        position: next.position,
      };
      const problem = FILE_CHECKS.state(data);
      if (problem) {
        throw new AppError('internal', `The new annotations of ${this.titleOf(id)} are not valid (${problem}); nothing was changed.`);
      }
      file.data = data;
      const result = cloneState(data);
      await file.save();
      return result;
    });
  }

  async readSource(id: string): Promise<{ bytes: Uint8Array; ext: string }> {
    this.knownSummary(id);
    return this.withArticle(id, async (entry) => {
      if (entry.source) return { bytes: new Uint8Array(entry.source.file.data), ext: entry.source.ext };
      const ext = await this.findSourceExt(id);
      if (ext === null) {
        throw new AppError('not_found', `The source file of ${this.titleOf(id)} is missing from the library folder (articles/${id}).`);
      }
      return { bytes: new Uint8Array(await this.fs.readFile(join(this.folder(id), `source.${ext}`))), ext };
    });
  }

  async trashArticle(id: string): Promise<void> {
    this.checkId(id);
    const summary = this.active.get(id);
    if (!summary) {
      if (this.trash.has(id)) return;
      throw new AppError('not_found', `There is no article with id ${id} in the library.`);
    }
    this.active.delete(id);
    this.trash.set(id, { summary, trashedAt: this.clock().toISOString() });
    this.markIndexDirty(id);
    await this.withArticle(id, (entry) => Promise.all([this.index.save(), this.metaFile(id, entry).save()]));
  }

  async restoreArticle(id: string): Promise<ArticleSummary> {
    this.checkId(id);
    const entry = this.trash.get(id);
    if (!entry) {
      const live = this.active.get(id);
      if (live) return copySummary(live);
      throw new AppError('not_found', `There is no article with id ${id} in the library's trash.`);
    }
    this.trash.delete(id);
    this.active.set(id, entry.summary);
    this.markIndexDirty(id);
    await this.withArticle(id, (files) => Promise.all([this.index.save(), this.metaFile(id, files).save()]));
    return copySummary(entry.summary);
  }

  // ------------------------------------------------------------ settings and corrections

  getSettings(): ReaderSettings {
    return { ...this.settings.data.settings };
  }

  async updateSettings(patch: Partial<ReaderSettings>): Promise<ReaderSettings> {
    this.assertOpen();
    const next = { ...this.settings.data.settings, ...patch };
    const problem = describeProblem('settings', checkSettings, next);
    if (problem) throw new AppError('invalid_input', `These reader settings are not valid (${problem}).`);
    this.settings.data = { schemaVersion: SCHEMA_VERSION, settings: next };
    await this.settings.save();
    return { ...next };
  }

  getCorrections(): StoredCorrection[] {
    return structuredClone(this.entities.data.corrections);
  }

  async setCorrections(corrections: StoredCorrection[]): Promise<void> {
    this.assertOpen();
    for (let i = 0; i < corrections.length; i++) {
      const problem = describeProblem(`corrections[${i}]`, checkStoredCorrection, corrections[i]);
      if (problem) throw new AppError('invalid_input', `This entity correction is not valid (${problem}).`);
    }
    this.entities.data = { schemaVersion: SCHEMA_VERSION, corrections: structuredClone(corrections) };
    await this.entities.save();
  }

  // ------------------------------------------------------------ lifecycle

  async flush(): Promise<void> {
    // One more attempt for changes held after a failure (the disk may have room again).
    this.status.retryOnFlush();
    for (let round = 0; round < 10; round++) {
      const pending = this.pendingWork();
      if (pending.length === 0) return;
      await Promise.allSettled(pending);
    }
  }

  private pendingWork(): Promise<unknown>[] {
    const out: Promise<unknown>[] = [...this.background];
    const files: ({ writing: boolean; settle(): Promise<void> } | undefined)[] = [this.index, this.settings, this.entities];
    for (const e of this.articles.values()) {
      files.push(e.content, e.state, e.meta, e.source?.file);
      out.push(...e.loading.values());
    }
    for (const f of files) if (f?.writing) out.push(f.settle());
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    this.closed = true;
    await this.lock?.release();
    this.lock = null;
    this.status.locked = false;
  }
}
