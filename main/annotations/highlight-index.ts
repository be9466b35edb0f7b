// Every article's annotations in memory, for the library-wide views (Highlights,
// tags): read once, and again only for an article whose state this process wrote
// since (LibraryStore.stateVersion). A query then reads no file.
import type { Annotation, ArticleSummary } from '../model/contract';
import type { LibraryStore } from '../storage/store-types';
import { inDocumentOrder } from './document-order';
import { buildCorpus, searchableText, SEPARATOR, type CorpusArticle, type CorpusBlock } from './highlight-corpus';

interface Entry {
  version: number;
  annotations: readonly Annotation[];
  /** The annotations' searchable texts (highlight-corpus.ts). */
  hay: string;
}

/** State files read at once when the index is first filled. */
const READ_BATCH = 32;

export interface IndexedArticle extends CorpusArticle {
  /** In document order (orphans last). */
  annotations: readonly Annotation[];
}

export interface HighlightIndex {
  /** Each article in the library with its annotations, in library order. */
  articles(): Promise<IndexedArticle[]>;
  /** The same, each article read when the walk reaches it (a batch ahead): a caller that stops early reads no more. */
  walk(summaries: readonly ArticleSummary[]): AsyncGenerator<IndexedArticle>;
  /** How many annotations the article holds: the index's count once read, the library's own count before. */
  countOf(summary: ArticleSummary): number;
  /** Every article's annotations as searchable text in blocks, in library order (highlight-corpus.ts). */
  corpus(): Promise<readonly CorpusBlock[]>;
}

export function createHighlightIndex(store: LibraryStore): HighlightIndex {
  const entries = new Map<string, Entry>();
  let filling: Promise<void> | null = null;
  // Valid while the store reports no write since (LibraryStore.changeCount): an edit, an import, a trash.
  let built: { changes: number; blocks: readonly CorpusBlock[] } | null = null;

  async function read(id: string): Promise<Entry> {
    // The version is read before the state, so a write that ends meanwhile is read again next time.
    const version = store.stateVersion(id);
    const annotations = inDocumentOrder((await store.getState(id)).annotations);
    const entry = { version, annotations, hay: annotations.map(searchableText).join(SEPARATOR) };
    entries.set(id, entry);
    return entry;
  }

  const fresh = (id: string) => entries.get(id)?.version === store.stateVersion(id);

  /** Reads the articles not read yet (or written since), a batch at a time. */
  async function readStale(ids: readonly string[]): Promise<void> {
    const stale = ids.filter((id) => !fresh(id));
    for (let i = 0; i < stale.length; i += READ_BATCH) {
      // A file that fails here is read again by the caller, where its error is thrown as before.
      await Promise.all(stale.slice(i, i + READ_BATCH).map((id) => read(id).catch(() => null)));
    }
  }

  return {
    async articles() {
      const summaries = store.listSummaries();
      // Only the articles read for the first time (or written since) wait for their files; a query over
      // a warm index of 50,000 articles runs without a turn of the event loop. Calls made while the
      // index fills share one fill rather than each reading every file.
      if (summaries.some((s) => !fresh(s.id))) {
        filling ??= readStale(summaries.map((s) => s.id)).finally(() => (filling = null));
        await filling;
      }
      const out: IndexedArticle[] = [];
      for (const { id, title } of summaries) {
        const { annotations, hay } = entries.get(id) ?? (await read(id));
        out.push({ id, title, annotations, hay });
      }
      // Trashed or purged articles leave the index (every entry above is live, so only a surplus means any).
      if (entries.size > summaries.length) {
        const live = new Set(summaries.map((s) => s.id));
        for (const id of entries.keys()) if (!live.has(id)) entries.delete(id);
      }
      return out;
    },

    async *walk(summaries) {
      for (let i = 0; i < summaries.length; i += READ_BATCH) {
        const batch = summaries.slice(i, i + READ_BATCH);
        await readStale(batch.map((s) => s.id));
        for (const { id, title } of batch) {
          const { annotations, hay } = (fresh(id) ? entries.get(id) : undefined) ?? (await read(id));
          yield { id, title, annotations, hay };
        }
      }
    },

    async corpus() {
      const changes = store.changeCount();
      if (built?.changes !== changes) built = { changes, blocks: buildCorpus(await this.articles(), built?.blocks) };
      return built.blocks;
    },

    countOf(summary) {
      return fresh(summary.id) ? entries.get(summary.id)!.annotations.length : summary.highlightCount;
    },
  };
}
