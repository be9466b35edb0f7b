// library.journal: the ids of the articles whose own files changed since
// library.json was last written, one per line. An id is appended (and synced)
// before the article's file is written, so after a crash at any moment the
// next open knows which index entries to re-derive from the article files.
// Appends are the only write on the hot path; library.json itself is
// rewritten only when the journal grows long, and when the library closes.
import { join } from 'node:path';
import type { FileHandle } from 'node:fs/promises';
import { isArticleId } from './article-ids';
import { writeFileAtomic } from './atomic-write';
import type { StoreContext } from './store-context';

/** Distinct ids after which library.json is written again and the journal emptied. */
export const JOURNAL_LIMIT = 256;

export class IndexJournal {
  readonly path: string;
  /** Ids in the file, with the change counter of their latest change. */
  private readonly noted = new Map<string, number>();
  private seq = 0;
  private handle: FileHandle | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** An append failed: the caller writes library.json after each change instead. */
  broken = false;

  constructor(private readonly ctx: StoreContext) {
    this.path = join(ctx.dir, 'library.journal');
  }

  get size(): number {
    return this.noted.size;
  }

  /** The ids a previous session journaled (read at open; a torn last line is ignored). */
  async read(): Promise<string[]> {
    let text: string;
    try {
      const st = await this.ctx.fs.stat(this.path);
      // A journal is a few kilobytes; a huge one is not ours and is ignored.
      if (st.size > 16 * 1024 * 1024) return [];
      text = (await this.ctx.fs.readFile(this.path)).toString('utf8');
    } catch {
      return []; // none (the usual case), or unreadable: the index is trusted as it is
    }
    const ids = new Set<string>();
    for (const line of text.split('\n')) if (isArticleId(line)) ids.add(line);
    for (const id of ids) this.noted.set(id, 0);
    return [...ids];
  }

  /**
   * Records that `id` is about to change; resolves once that is durable (or the
   * journal broke, in which case `broken` is set and the caller writes the index).
   */
  note(id: string): Promise<void> {
    this.seq += 1;
    const known = this.noted.has(id);
    this.noted.set(id, this.seq);
    if (known || this.broken || !this.ctx.status.writable()) return Promise.resolve();
    return this.enqueue(async () => {
      try {
        this.handle ??= await this.ctx.fs.open(this.path, 'a', 0o644);
        await this.handle.write(`${id}\n`);
        await this.handle.datasync();
      } catch {
        // Disk full or folder gone: fall back to writing library.json after every change.
        this.broken = true;
        await this.closeHandle();
      }
    });
  }

  /** The counters to pass to `forget` once a library.json written now is on disk. */
  snapshot(): Map<string, number> {
    return new Map(this.noted);
  }

  /**
   * library.json now holds every change up to `covered` (taken when it was
   * prepared): drop those ids, unless `stillPending` says their files are not on disk yet.
   */
  forget(covered: Map<string, number>, stillPending: (id: string) => boolean): Promise<void> {
    for (const [id, seq] of covered) {
      if (this.noted.get(id) === seq && !stillPending(id)) this.noted.delete(id);
    }
    this.broken = false;
    return this.enqueue(async () => {
      await this.closeHandle();
      const body = [...this.noted.keys()].map((id) => `${id}\n`).join('');
      try {
        if (body === '') await this.ctx.fs.unlink(this.path);
        else await writeFileAtomic(this.ctx.fs, this.ctx.tmpDir, this.path, body);
      } catch {
        // A journal left longer than needed only makes the next open re-read a few more articles.
      }
    });
  }

  async close(): Promise<void> {
    await this.enqueue(() => this.closeHandle());
  }

  private enqueue(fn: () => Promise<void>): Promise<void> {
    const p = this.queue.then(fn, fn);
    this.queue = p.catch(() => undefined);
    return p;
  }

  private async closeHandle(): Promise<void> {
    const h = this.handle;
    this.handle = null;
    await h?.close().catch(() => undefined);
  }
}
