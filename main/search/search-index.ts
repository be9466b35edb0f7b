// The library's MiniSearch index, kept in step with the library and kept on disk in
// cache/search/index.json. On disk it is only a head start: each article's entry names
// what it was built from (its details and a digest of its highlights), an article that
// changed since is indexed again, and a missing or unreadable file (or one of an
// earlier format) is built afresh.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { Annotation, ArticleSummary, TaskProgress } from '../model/contract';
import { fields, isObject, literal, matches } from '../model/schema';
import type { LibraryStore } from '../storage/store-types';
import { normalizeTerm } from './normalize-term';
import { docIdOf, documentOf, SEARCH_FIELDS, STORED_FIELDS, type SearchDocument } from './search-documents';

const FORMAT = 2; // 2: one document per article, its highlights inside
const SAVE_AFTER_MS = 5000;

const OPTIONS = {
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORED_FIELDS],
  stringifyField: (value: unknown) => (Array.isArray(value) ? value.join(' ') : String(value ?? '')),
  processTerm: (term: string) => normalizeTerm(term),
  searchOptions: { boost: { title: 3, tags: 2, quote: 2, entities: 2, author: 1.5 }, combineWith: 'AND' as const },
};

interface Saved {
  format: number;
  /** Each indexed article's signature (what its document was built from). */
  articles: Record<string, string>;
  index: AsPlainObject;
}

const SAVED_SHAPE = fields({
  format: literal(FORMAT),
  articles: (v) => (isObject(v) ? null : ' is not an object'),
  index: (v) => (isObject(v) ? null : ' is not an object'),
});

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

/** What an article's documents are built from, as it can be compared across runs. */
function signature(s: ArticleSummary, annotations: readonly Annotation[]): string {
  const highlights = annotations.map((a) => [a.id, a.target.selector, a.body, a.status]);
  const digest = createHash('sha256').update(JSON.stringify(highlights)).digest('hex').slice(0, 24);
  return JSON.stringify([s.title, s.author, s.site, s.tags, s.sourceSha256, s.wordCount, digest]);
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
    let saved: unknown;
    try {
      saved = JSON.parse(await readFile(path, 'utf8'));
    } catch {
      return; // none yet, or damaged: the walk builds it
    }
    if (!matches<Saved>(SAVED_SHAPE, saved)) return;
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
    const data: Saved = { format: FORMAT, articles: Object.fromEntries(sigs), index: mini.toJSON() };
    try {
      await mkdir(join(store.dir, 'cache', 'search'), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(data));
      await rename(temp, path);
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
    let done = 0;
    for (const summary of summaries) {
      walked.done++;
      live.add(summary.id);
      const stamp = seenStamp(summary);
      if (seen.get(summary.id) === stamp) continue;
      try {
        const state = await store.getState(summary.id);
        const sig = signature(summary, state.annotations);
        if (sigs.get(summary.id) !== sig) {
          walked.indexing = true;
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
