// Every article's annotations in memory, for the library-wide views (Highlights,
// tags): read once, and again only for an article whose state this process wrote
// since (LibraryStore.stateVersion). A query then reads no file.
import type { Annotation } from '../model/contract';
import type { LibraryStore } from '../storage/store-types';
import { inDocumentOrder } from './document-order';

interface Entry {
  version: number;
  annotations: readonly Annotation[];
}

/** State files read at once when the index is first filled. */
const READ_BATCH = 32;

export interface IndexedArticle {
  id: string;
  title: string;
  /** In document order (orphans last). */
  annotations: readonly Annotation[];
}

export interface HighlightIndex {
  /** Each article in the library with its annotations, in library order. */
  articles(): Promise<IndexedArticle[]>;
}

export function createHighlightIndex(store: LibraryStore): HighlightIndex {
  const entries = new Map<string, Entry>();

  async function read(id: string): Promise<readonly Annotation[]> {
    // The version is read before the state, so a write that ends meanwhile is read again next time.
    const version = store.stateVersion(id);
    const annotations = inDocumentOrder((await store.getState(id)).annotations);
    entries.set(id, { version, annotations });
    return annotations;
  }

  return {
    async articles() {
      const summaries = store.listSummaries();
      const fresh = (id: string) => entries.get(id)?.version === store.stateVersion(id);
      // Only the articles read for the first time (or written since) wait for their files, a batch at
      // a time; a query over a warm index of 50,000 articles runs without a turn of the event loop.
      const stale = summaries.filter((s) => !fresh(s.id)).map((s) => s.id);
      for (let i = 0; i < stale.length; i += READ_BATCH) {
        // A file that fails here is read again below, where its error is thrown as before.
        await Promise.all(stale.slice(i, i + READ_BATCH).map((id) => read(id).catch(() => null)));
      }
      const out: IndexedArticle[] = [];
      for (const { id, title } of summaries) {
        const annotations = entries.get(id)?.annotations ?? (await read(id));
        out.push({ id, title, annotations });
      }
      // Trashed or purged articles leave the index (every entry above is live, so only a surplus means any).
      if (entries.size > summaries.length) {
        const live = new Set(summaries.map((s) => s.id));
        for (const id of entries.keys()) if (!live.has(id)) entries.delete(id);
      }
      return out;
    },
  };
}
