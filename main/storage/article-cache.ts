// The per-article files held in memory, most recently used last. Idle articles
// beyond the limit are dropped; busy ones (an operation or a load under way,
// a write pending or held unsaved) are kept.
import type { ContentFile, MetaFile, StateFile } from './file-schemas';
import type { StoreContext } from './store-context';
import type { StoredFile } from './stored-file';

/** Articles whose files stay in memory; older idle ones are dropped. */
const CACHE_LIMIT = 64;

export interface ArticleFiles {
  busy: number;
  content?: StoredFile<ContentFile>;
  /** Set when content.json was unreadable and no backup existed. */
  contentLost?: string;
  state?: StoredFile<StateFile>;
  meta?: StoredFile<MetaFile>;
  source?: { file: StoredFile<Uint8Array>; ext: string };
  loading: Map<string, Promise<unknown>>;
  /** A multi-file commit in progress (article-commit.ts): other changes wait for it. */
  committing?: Promise<unknown>;
}

function filesOf(e: ArticleFiles): StoredFile<unknown>[] {
  return [e.content, e.state, e.meta, e.source?.file].filter((f) => f !== undefined) as StoredFile<unknown>[];
}

export class ArticleCache {
  private readonly articles = new Map<string, ArticleFiles>();

  constructor(private readonly ctx: StoreContext) {}

  /** Runs `fn` with the article's files, keeping them in memory meanwhile. */
  async with<T>(id: string, fn: (entry: ArticleFiles) => Promise<T>): Promise<T> {
    this.ctx.assertOpen();
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

  /** Shares one load of `key` between concurrent callers. */
  once<T>(entry: ArticleFiles, key: string, load: () => Promise<T>): Promise<T> {
    const pending = entry.loading.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const p = load().finally(() => entry.loading.delete(key));
    entry.loading.set(key, p);
    return p;
  }

  /** True while the article has a write in flight or held unsaved. */
  isPending(id: string): boolean {
    const e = this.articles.get(id);
    return e !== undefined && (e.committing !== undefined || filesOf(e).some((f) => f.writing || f.unsaved));
  }

  forget(id: string): void {
    this.articles.delete(id);
  }

  byId(): IterableIterator<[string, ArticleFiles]> {
    return this.articles.entries();
  }

  entries(): IterableIterator<ArticleFiles> {
    return this.articles.values();
  }

  private evict(): void {
    if (this.articles.size <= CACHE_LIMIT) return;
    for (const [id, e] of this.articles) {
      if (this.articles.size <= (CACHE_LIMIT * 3) / 4) break;
      if (e.busy === 0 && e.loading.size === 0 && filesOf(e).every((f) => f.idle)) this.articles.delete(id);
    }
  }
}
