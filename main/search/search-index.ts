// The library's MiniSearch index, kept in step with the library and kept on disk in
// cache/search/index.json. On disk it is only a head start: each article's entry names
// what it was built from (its details and its state file's stamp), an article that
// changed since is indexed again, and a missing or unreadable file (or one of an
// earlier format) is built afresh.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import type { ArticleSummary, TaskProgress } from '../model/contract';
import type { LibraryStore } from '../storage/store-types';
import { readKeptIndex, writeKeptIndex } from './kept-index-file';
import { normalizeTerm } from './normalize-term';
import { docIdOf, documentOf, SEARCH_FIELDS, STORED_FIELDS, type SearchDocument } from './search-documents';

/** State files stamped at once during a walk. */
const STAMP_BATCH = 64;
const SAVE_AFTER_MS = 5000;

const OPTIONS = {
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORED_FIELDS],
  stringifyField: (value: unknown) => (Array.isArray(value) ? value.join(' ') : String(value ?? '')),
  processTerm: (term: string) => normalizeTerm(term),
  searchOptions: { boost: { title: 3, tags: 2, quote: 2, entities: 2, author: 1.5 }, combineWith: 'AND' as const },
};

export interface LibraryIndex {
  readonly mini: MiniSearch<SearchDocument>;
  /** Goes up whenever a document is added or removed (an index read from disk is a new `mini`). */
  readonly version: number;
  /** Indexes what changed since the last walk (all of the library the first time). */
  refresh(): Promise<void>;
  /** Writes the index to disk now if it changed (at close). */
  save(): Promise<void>;
  /** How far the walk under way has got, once it has had to index something; else null. */
  progress(): TaskProgress | null;
}

/**
 * What an article's document is built from, as it can be compared across runs: its details and the
 * stamp of its state file (highlights, notes), so a walk after a restart stats each state, not reads it.
 */
function signature(s: ArticleSummary, stateStamp: string | null): string {
  return JSON.stringify([s.title, s.author, s.site, s.tags, s.sourceSha256, s.wordCount, stateStamp]);
}

export function createLibraryIndex(store: LibraryStore, options: { persist: boolean }): LibraryIndex {
  let mini = new MiniSearch<SearchDocument>(OPTIONS);
  const path = join(store.dir, 'cache', 'search', 'index.json');
  const sigs = new Map<string, string>();
  // In this process a state write bumps stateVersion: the cheap check before reading the state.
  const seen = new Map<string, string>();
  let loaded = false;
  let version = 0;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const seenStamp = (s: ArticleSummary) =>
    JSON.stringify([s.title, s.author, s.site, s.tags, s.sourceSha256, s.wordCount, store.stateVersion(s.id)]);

  function drop(id: string): void {
    if (sigs.has(id)) mini.discard(docIdOf(id));
    version++;
    sigs.delete(id);
    seen.delete(id);
  }

  async function load(): Promise<void> {
    loaded = true;
    if (!options.persist) return;
    const saved = await readKeptIndex(path);
    if (!saved) return; // none yet, damaged or of another format: the walk builds it
    try {
      mini = await MiniSearch.loadJSAsync<SearchDocument>(saved.index, OPTIONS);
    } catch {
      mini = new MiniSearch<SearchDocument>(OPTIONS); // written by another version: built again
      return;
    }
    for (const [id, sig] of Object.entries(saved.articles)) if (typeof sig === 'string') sigs.set(id, sig);
  }

  function scheduleSave(): void {
    dirty = true;
    if (!options.persist || store.readOnly || timer) return;
    timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    timer.unref();
  }

  async function save(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty || !options.persist || store.readOnly) return;
    dirty = false;
    try {
      await mkdir(join(store.dir, 'cache', 'search'), { recursive: true });
      await writeKeptIndex(path, { articles: Object.fromEntries(sigs), index: mini.toJSON() });
    } catch {
      dirty = true; // a cache: the next change tries again, and a lost file is rebuilt
    }
  }

  let walk: { done: number; total: number; indexing: boolean } | null = null;

  async function refresh(): Promise<void> {
    const summaries = store.listSummaries();
    walk = { done: 0, total: summaries.length, indexing: !loaded };
    try {
      await walkAll(summaries, walk);
    } finally {
      walk = null;
    }
  }

  async function walkAll(summaries: ArticleSummary[], walked: { done: number; indexing: boolean }): Promise<void> {
    if (!loaded) await load();
    const live = new Set<string>();
    const unseen = new Map<string, string>(); // id → its in-process stamp, for those that changed
    for (const s of summaries) {
      const stamp = seenStamp(s);
      if (seen.get(s.id) !== stamp) unseen.set(s.id, stamp);
    }
    const stamps = stampsAhead(summaries.filter((s) => unseen.has(s.id)));
    let done = 0;
    for (const summary of summaries) {
      walked.done++;
      live.add(summary.id);
      const stamp = unseen.get(summary.id);
      if (stamp === undefined) continue;
      try {
        // Stamped before the state is read: a write in between changes the stamp, and is indexed next time.
        const sig = signature(summary, await stamps.next(summary.id));
        if (sigs.get(summary.id) !== sig) {
          walked.indexing = true;
          const state = await store.getState(summary.id);
          const { text } = await store.getContent(summary.id);
          drop(summary.id);
          mini.add(documentOf(summary, text, state.annotations, []));
          version++;
          sigs.set(summary.id, sig);
          scheduleSave();
        }
        seen.set(summary.id, stamp);
      } catch {
        continue; // an unreadable article is reported where it is opened; it is tried again next time
      }
      // Let other requests through while a large library is indexed.
      if (++done % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    for (const id of [...sigs.keys()]) {
      if (live.has(id)) continue;
      drop(id);
      scheduleSave();
    }
  }

  /**
   * The state stamps of `summaries`, asked for a batch at a time ahead of the walk: one by one, each
   * stat waits its turn on the file system and the walk of 10,000 articles is mostly waiting.
   */
  function stampsAhead(summaries: readonly ArticleSummary[]) {
    const asked = new Map<string, Promise<string | null>>();
    let next = 0;
    const askUpTo = (end: number) => {
      for (; next < Math.min(end, summaries.length); next++) {
        const id = summaries[next]!.id;
        asked.set(id, store.stateStamp(id));
      }
    };
    return {
      next(id: string): Promise<string | null> {
        if (!asked.has(id)) askUpTo(next + STAMP_BATCH);
        const stamp = asked.get(id) ?? store.stateStamp(id);
        asked.delete(id);
        return stamp;
      },
    };
  }

  return {
    get mini() {
      return mini;
    },
    get version() {
      return version;
    },
    refresh,
    save,
    progress: () => (walk?.indexing ? { done: walk.done, total: walk.total } : null),
  };
}
