// The library index (library.json): which articles are listed and which are in
// the trash, held in memory, written back as one file, and merged with the
// disk when another program changed it in between.
import { join } from 'node:path';
import type { ArticleSummary } from '../model/contract';
import { AppError } from '../model/errors';
import { AtomicJsonFile, CorruptFileError } from './atomic-json-file';
import { checkArticleId } from './article-ids';
import { loadStoredFile } from './file-recovery';
import { SCHEMA_VERSION, type IndexFile, type MetaFile, type TrashEntry } from './file-schemas';
import { IndexJournal, JOURNAL_LIMIT } from './index-journal';
import { mergeIndex } from './merge-index';
import { quarantineFile } from './quarantine';
import { copySummary } from './store-copies';
import type { StoreContext } from './store-context';
import { StoredFile } from './stored-file';

export class LibraryIndex {
  readonly active = new Map<string, ArticleSummary>();
  readonly trash = new Map<string, TrashEntry>();
  readonly file: StoredFile<IndexFile>;
  /** Index entries changed since the last index write, with a change counter: merged over external edits. */
  private readonly dirty = new Map<string, number>();
  private writing = new Map<string, number>();
  private changeSeq = 0;
  readonly journal: IndexJournal;
  /** True while an article's files have writes pending or held: its journal line must stay. */
  isPending: (id: string) => boolean = () => false;
  private journalCovered = new Map<string, number>();

  constructor(private readonly ctx: StoreContext) {
    this.journal = new IndexJournal(ctx);
    const adapter = new AtomicJsonFile(join(ctx.dir, 'library.json'), 'index', ctx.env);
    this.file = new StoredFile<IndexFile>(
      adapter,
      { schemaVersion: SCHEMA_VERSION, articles: [], trash: [] },
      ctx.status,
      {
        label: () => 'the library index (library.json)',
        prepare: () => {
          this.writing = new Map(this.dirty);
          this.journalCovered = this.journal.snapshot();
          return {
            schemaVersion: SCHEMA_VERSION,
            articles: [...this.active.values()],
            trash: [...this.trash.values()],
          };
        },
        afterWrite: () => {
          for (const [id, seq] of this.writing) if (this.dirty.get(id) === seq) this.dirty.delete(id);
          this.ctx.track(this.journal.forget(this.journalCovered, (id) => this.isPending(id)));
        },
        resolveConflict: () => this.mergeFromDisk(),
      },
    );
  }

  /**
   * Reads library.json. Returns true when its entries cannot be trusted as they
   * are (it was restored from a backup, older than the article files), so every
   * entry must be checked against its article's own files.
   */
  async load(): Promise<boolean> {
    const r = await loadStoredFile(this.ctx.recovery, this.file, 'index');
    if (r.status === 'newer') {
      throw new AppError(
        'unsupported_file',
        `The library at ${this.ctx.dir} was written by a newer version of Gloss (schema ${r.version}); update Gloss to open it.`,
      );
    }
    if (r.status === 'ok' || r.status === 'restored') {
      for (const s of r.data.articles) this.active.set(s.id, s);
      for (const t of r.data.trash) if (!this.active.has(t.summary.id)) this.trash.set(t.summary.id, t);
    }
    // A restored index is written once it has been reconciled with the article files (see repair-index.ts).
    if (r.status !== 'restored') await this.ctx.persistLoaded(this.file, r);
    // A new library gets its (empty) index at once, so the folder always holds one.
    if (r.status === 'missing' && this.ctx.status.writable()) this.ctx.track(this.save());
    return r.status === 'restored';
  }

  /** Writes library.json (the whole index) now. */
  save(): Promise<void> {
    return this.file.save();
  }

  /**
   * Article `id` is about to change its own files: its entry is marked and journaled.
   * Await it before writing them, then call `changed` once they are written.
   */
  async changing(id: string): Promise<void> {
    this.markDirty(id);
    await this.journal.note(id);
  }

  /** After an article's files were written: library.json is written only when the journal cannot stand in for it. */
  async changed(): Promise<void> {
    if (this.journal.broken) await this.save();
    else if (this.journal.size >= JOURNAL_LIMIT && !this.file.writing) this.ctx.track(this.save());
  }

  /** True when library.json is behind the article files (the journal names some). */
  get behind(): boolean {
    return this.journal.size > 0 || this.dirty.size > 0;
  }

  markDirty(id: string): void {
    this.changeSeq += 1;
    this.dirty.set(id, this.changeSeq);
  }

  has(id: string): boolean {
    return this.active.has(id) || this.trash.has(id);
  }

  list(): ArticleSummary[] {
    return [...this.active.values()].map(copySummary);
  }

  get(id: string): ArticleSummary | undefined {
    const s = this.active.get(id);
    return s ? copySummary(s) : undefined;
  }

  findBySourceSha256(sha256: string): ArticleSummary | undefined {
    for (const s of this.active.values()) if (s.sourceSha256 === sha256) return copySummary(s);
    return undefined;
  }

  /** The listed or trashed entry of a valid id; throws when there is none. */
  known(id: string): ArticleSummary {
    this.ctx.assertOpen();
    checkArticleId(id);
    const s = this.active.get(id) ?? this.trash.get(id)?.summary;
    if (!s) throw new AppError('not_found', `There is no article with id ${id} in the library.`);
    return s;
  }

  /** For messages: the quoted title, or the id when the article is unknown. */
  titleOf(id: string): string {
    const s = this.active.get(id) ?? this.trash.get(id)?.summary;
    return s ? `“${s.title}”` : `article ${id}`;
  }

  /** The article's entry as its meta.json holds it; undefined once purged. */
  metaData(id: string): MetaFile | undefined {
    const s = this.active.get(id);
    if (s) return { schemaVersion: SCHEMA_VERSION, summary: s, trashedAt: null };
    const t = this.trash.get(id);
    if (t) return { schemaVersion: SCHEMA_VERSION, summary: t.summary, trashedAt: t.trashedAt };
    return undefined;
  }

  private async mergeFromDisk(): Promise<boolean> {
    const { fs, status } = this.ctx;
    let disk: IndexFile | null;
    try {
      disk = await (this.file.adapter as AtomicJsonFile<'index'>).read();
    } catch (e) {
      if (!(e instanceof CorruptFileError)) return false;
      const movedTo = await quarantineFile(fs, this.file.path, this.ctx.clock());
      if (movedTo === null) return false;
      this.file.adapter.signature = null;
      status.notify(
        'warning',
        `The library index (library.json) was damaged by another program (${e.reason}) and was moved aside as ${movedTo}; Gloss wrote its own copy.`,
      );
      return true;
    }
    if (disk === null) return true;
    const { active, trash } = mergeIndex(disk, { active: this.active, trash: this.trash }, this.dirty);
    this.active.clear();
    this.trash.clear();
    for (const [id, x] of active) this.active.set(id, x);
    for (const [id, x] of trash) this.trash.set(id, x);
    status.notify(
      'info',
      'The library index (library.json) was changed by another program; Gloss merged those changes with its own.',
    );
    return true;
  }
}
