// Soft delete: a trashed article leaves the list but keeps its files, can be
// restored, and is purged (folder and backups) once older than the retention.
import type { ArticleSummary } from '../model/contract';
import { AppError } from '../model/errors';
import type { ArticleCache } from './article-cache';
import type { ArticleFileLoader } from './article-files';
import { checkArticleId } from './article-ids';
import type { LibraryIndex } from './library-index';
import { copySummary } from './store-copies';
import type { StoreContext } from './store-context';

export class ArticleTrash {
  constructor(
    private readonly ctx: StoreContext,
    private readonly index: LibraryIndex,
    private readonly cache: ArticleCache,
    private readonly files: ArticleFileLoader,
    private readonly retentionMs: number,
  ) {}

  async trash(id: string): Promise<void> {
    this.ctx.assertOpen();
    checkArticleId(id);
    const summary = this.index.active.get(id);
    if (!summary) {
      if (this.index.trash.has(id)) return;
      throw new AppError('not_found', `There is no article with id ${id} in the library.`);
    }
    this.index.active.delete(id);
    this.index.trash.set(id, { summary, trashedAt: this.ctx.clock().toISOString() });
    await this.cache.with(id, async (entry) => {
      await this.index.changing(id);
      await this.files.metaFile(id, entry).save();
      await this.index.changed();
    });
  }

  async restore(id: string): Promise<ArticleSummary> {
    this.ctx.assertOpen();
    checkArticleId(id);
    const entry = this.index.trash.get(id);
    if (!entry) {
      const live = this.index.active.get(id);
      if (live) return copySummary(live);
      throw new AppError('not_found', `There is no article with id ${id} in the library's trash.`);
    }
    this.index.trash.delete(id);
    this.index.active.set(id, entry.summary);
    await this.cache.with(id, async (files) => {
      await this.index.changing(id);
      await this.files.metaFile(id, files).save();
      await this.index.changed();
    });
    return copySummary(entry.summary);
  }

  async purgeExpired(now: Date): Promise<void> {
    const expired = [...this.index.trash.values()].filter(
      (t) => now.getTime() - Date.parse(t.trashedAt) > this.retentionMs,
    );
    if (expired.length === 0) return;
    for (const t of expired) {
      const id = t.summary.id;
      try {
        // Folder first: a crash here leaves the entry in the trash, purged again next time.
        await this.ctx.fs.rm(this.ctx.folder(id), { recursive: true, force: true });
        await this.ctx.backups.removeArticle(id);
      } catch {
        continue;
      }
      this.index.trash.delete(id);
      this.cache.forget(id);
      this.index.markDirty(id);
    }
    await this.index.save();
  }
}
