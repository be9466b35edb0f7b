// Every article's annotations in memory, for the library-wide views (Highlights,
// tags): read once, and again only for an article whose state this process wrote
// since (LibraryStore.stateVersion). A query then reads no file.
import type { Annotation } from '../model/contract';
import type { LibraryStore } from '../storage/store-types';

interface Entry {
  version: number;
  annotations: readonly Annotation[];
}

export interface HighlightIndex {
  /** Each article in the library with its annotations, in library order. */
  articles(): AsyncGenerator<{ id: string; title: string; annotations: readonly Annotation[] }>;
}

export function createHighlightIndex(store: LibraryStore): HighlightIndex {
  const entries = new Map<string, Entry>();

  async function annotationsOf(id: string): Promise<readonly Annotation[]> {
    // The version is read before the state, so a write that ends meanwhile is read again next time.
    const version = store.stateVersion(id);
    const hit = entries.get(id);
    if (hit && hit.version === version) return hit.annotations;
    const { annotations } = await store.getState(id);
    entries.set(id, { version, annotations });
    return annotations;
  }

  return {
    async *articles() {
      const live = new Set<string>();
      for (const summary of store.listSummaries()) {
        live.add(summary.id);
        yield { id: summary.id, title: summary.title, annotations: await annotationsOf(summary.id) };
      }
      // Trashed or purged articles leave the index when it is next walked whole.
      for (const id of entries.keys()) if (!live.has(id)) entries.delete(id);
    },
  };
}
