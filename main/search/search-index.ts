// The library's MiniSearch index, kept in step with the library and kept on disk in
// cache/search/index.json. On disk it is only a head start: each article's entry names
// what it was built from (its details and a digest of its highlights), an article that
// changed since is indexed again, and a missing or unreadable file is built afresh.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { Annotation, ArticleSummary, TaskProgress } from '../model/contract';
import { fields, isObject, literal, matches } from '../model/schema';
import type { LibraryStore } from '../storage/store-types';
import { normalizeTerm } from './normalize-term';
import { documentsOf, SEARCH_FIELDS, STORED_FIELDS, type SearchDocument } from './search-documents';

const FORMAT = 1;
const SAVE_AFTER_MS = 5000;

const OPTIONS = {
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORED_FIELDS, 'quote', 'note'],
  extractField: (doc: SearchDocument, field: string) => {
    const value = doc[field as keyof SearchDocument];
    return Array.isArray(value) ? value.join(' ') : ((value as string | null) ?? '');
  },
  processTerm: (term: string) => normalizeTerm(term),
  searchOptions: { boost: { title: 3, tags: 2, quote: 2, entities: 2, author: 1.5 }, combineWith: 'AND' as const },
};

interface Saved {
  format: number;
  articles: Record<string, { sig: string; docs: string[] }>;
  index: AsPlainObject;
}

const SAVED_SHAPE = fields({
  format: literal(FORMAT),
  articles: (v) => (isObject(v) ? null : ' is not an object'),
  index: (v) => (isObject(v) ? null : ' is not an object'),
});

export interface LibraryIndex {
  readonly mini: MiniSearch<SearchDocument>;
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
  const docIds = new Map<string, string[]>();
  // In this process a state write bumps stateVersion: the cheap check before reading the state.
  const seen = new Map<string, string>();
  let loaded = false;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const seenStamp = (s: ArticleSummary) =>
    JSON.stringify([s.title, s.author, s.site, s.tags, s.sourceSha256, s.wordCount, store.stateVersion(s.id)]);

  function drop(id: string): void {
    for (const doc of docIds.get(id) ?? []) mini.discard(doc);
    docIds.delete(id);
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
    for (const [id, entry] of Object.entries(saved.articles)) {
      sigs.set(id, entry.sig);
      docIds.set(id, entry.docs);
    }
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
    const articles: Saved['articles'] = {};
    for (const [id, sig] of sigs) articles[id] = { sig, docs: docIds.get(id) ?? [] };
    const data: Saved = { format: FORMAT, articles, index: mini.toJSON() };
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
        if (sigs.get(summary.id) !== sig || !docIds.has(summary.id)) {
          walked.indexing = true;
          const { text } = await store.getContent(summary.id);
          const docs = documentsOf(summary, text, state.annotations, []);
          drop(summary.id);
          mini.addAll(docs);
          docIds.set(
            summary.id,
            docs.map((d) => d.id),
          );
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
    for (const id of [...docIds.keys()]) {
      if (live.has(id)) continue;
      drop(id);
      scheduleSave();
    }
  }

  return {
    get mini() {
      return mini;
    },
    refresh,
    save,
    progress: () => (walk?.indexing ? { done: walk.done, total: walk.total } : null),
  };
}
