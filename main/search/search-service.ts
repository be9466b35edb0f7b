// Library search: one MiniSearch index over every article's text and details and
// every highlight, kept in step with the library as it changes (an article is
// indexed again when its details, text or annotations changed since), and queried
// with words, "phrases" and field filters. Results are grouped by article, best first.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { GlossApi, LibrarySearchResult, SearchHit } from '../model/contract';
import { requireNumber, requireString } from '../model/validate';
import type { LibraryStore } from '../storage/store-types';
import { findInText } from './find-in-text';
import { foldText, normalizeTerm } from './normalize-term';
import { parseQuery, type ParsedQuery } from './parse-query';
import { STORED_FIELDS, type SearchDocument } from './search-documents';
import { createLibraryIndex } from './search-index';

export type SearchService = Pick<GlossApi, 'searchLibrary' | 'getSearchProgress'> & {
  /** Builds or refreshes the index now (after start-up), so the first search is quick. */
  warm(): Promise<void>;
  /** Writes the index to disk if it changed (at close). */
  close(): Promise<void>;
};

export interface SearchServiceDeps {
  store: LibraryStore;
  /** The names of an article's entities when they are known, for entity: (never extracts). */
  entityNames?: (articleId: string) => Promise<string[] | null>;
  /** Keep the index in the library folder (cache/search/) between runs. */
  persist?: boolean;
}

type Stored = Pick<SearchDocument, (typeof STORED_FIELDS)[number] | 'quote' | 'note'>;

export function createSearchService({ store, entityNames, persist = false }: SearchServiceDeps): SearchService {
  const library = createLibraryIndex(store, { persist });
  let refreshing: Promise<void> | null = null;

  // Walking every article's stamp costs milliseconds per thousand articles: it is skipped while nothing
  // in the library was written since the last walk began (what a query typed letter by letter meets).
  let walkedAt = -1;
  const refresh = () => {
    if (!refreshing && store.changeCount() === walkedAt) return Promise.resolve();
    return (refreshing ??= (async () => {
      const changes = store.changeCount();
      await library.refresh();
      walkedAt = changes;
    })().finally(() => (refreshing = null)));
  };

  return {
    warm: refresh,
    getSearchProgress: async () => library.progress(),
    close: async () => {
      await refreshing?.catch(() => undefined);
      await library.save();
    },

    async searchLibrary({ query, limit }) {
      const text = requireString(query, 'The search', 1000);
      const max = limit === undefined ? 50 : requireNumber(limit, 'The number of results', 1, 500);
      const parsed = parseQuery(text);
      const note = parsed.unknownColors.length
        ? `“${parsed.unknownColors[0]}” is not a highlight color (yellow, green, blue, pink, purple).`
        : null;
      if (!parsed.words.length && !parsed.phrases.length && !parsed.filters.length)
        return { results: [], total: 0, note };
      await refresh();
      const matched = await matchingDocuments(library.mini, parsed, /\S$/.test(text), entityNames);
      const groups = groupByArticle(matched);
      const results: LibrarySearchResult[] = [];
      for (const group of groups) {
        if (results.length >= max) break;
        const summary = store.getSummary(group.articleId);
        if (!summary) continue;
        const hits = await hitsOf(store, group.docs, parsed, /\S$/.test(text));
        if (hits.length) results.push({ article: summary, score: group.score, hits });
      }
      return { results, total: Math.max(results.length, groups.length), note };
    },
  };
}

async function matchingDocuments(
  index: MiniSearch<SearchDocument>,
  q: ParsedQuery,
  typing: boolean,
  entityNames: SearchServiceDeps['entityNames'],
): Promise<Array<SearchResult & Stored>> {
  const words = [...q.words, ...q.phrases.flatMap((p) => p.split(/\s+/))];
  const terms = words.map((w) => normalizeTerm(w)).filter((t): t is string => t !== null);
  const last = terms[terms.length - 1];
  const filter = (r: SearchResult) => passesFilters(r as SearchResult & Stored, q);
  const found = (
    terms.length
      ? index.search(terms.join(' '), {
          prefix: (term) => typing && q.words.length > 0 && term === last && term.length >= 2,
          fuzzy: (term) => (term.length >= 6 && !q.phrases.length ? 0.15 : false),
          filter,
        })
      : index.search(MiniSearch.wildcard, { filter })
  ) as Array<SearchResult & Stored>;
  const entity = q.filters.filter((f) => f.field === 'entity').map((f) => foldText(f.value));
  if (!entity.length || !entityNames) return entity.length ? [] : found;
  const known = new Map<string, string[]>();
  const out: Array<SearchResult & Stored> = [];
  for (const r of found) {
    if (!known.has(r.articleId)) known.set(r.articleId, ((await entityNames(r.articleId)) ?? []).map(foldText));
    if (entity.every((e) => known.get(r.articleId)!.some((n) => n.includes(e)))) out.push(r);
  }
  return out;
}

function passesFilters(r: Stored, q: ParsedQuery): boolean {
  return q.filters.every(({ field, value }) => {
    const v = foldText(value);
    switch (field) {
      case 'tag':
        return r.tagLines.split('\n').some((t) => foldText(t) === v);
      case 'color':
        return r.color === v;
      case 'author':
        return foldText(r.author).includes(v);
      case 'site':
        return foldText(r.site).includes(v);
      case 'entity':
        return r.kind === 'article'; // checked against the article's entities afterwards
    }
  });
}

function groupByArticle(found: Array<SearchResult & Stored>) {
  const groups = new Map<string, { articleId: string; score: number; docs: Array<SearchResult & Stored> }>();
  for (const r of found) {
    const g = groups.get(r.articleId) ?? { articleId: r.articleId, score: 0, docs: [] };
    g.score = Math.max(g.score, r.score);
    g.docs.push(r);
    groups.set(r.articleId, g);
  }
  return [...groups.values()].sort((a, b) => b.score - a.score);
}

/** What to show for one article: where its text matched, and which highlights did (phrases checked here). */
async function hitsOf(
  store: LibraryStore,
  docs: Array<SearchResult & Stored>,
  q: ParsedQuery,
  typing: boolean,
): Promise<SearchHit[]> {
  const needles = { words: q.words, phrases: q.phrases, prefixLast: typing };
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    if (doc.kind === 'highlight') {
      const where = findInText(doc.quote, needles, 100) ?? findInText(doc.note, needles, 100);
      if (q.phrases.length && !where) continue;
      const snippet = where?.snippet ?? { text: doc.quote.slice(0, 200), marks: [] };
      hits.push({
        kind: 'highlight',
        annotationId: doc.annotationId!,
        color: doc.color as never,
        start: doc.start!,
        end: doc.end!,
        snippet,
      });
      continue;
    }
    const summary = store.getSummary(doc.articleId)!;
    const { text } = await store.getContent(doc.articleId);
    const where = q.words.length || q.phrases.length ? findInText(text, needles) : null;
    if (where) hits.unshift({ kind: 'text', start: where.start, end: where.end, snippet: where.snippet });
    else if (!q.phrases.length || findInText(summary.title, needles)) {
      const details = [summary.title, summary.author, summary.site, ...summary.tags].filter(Boolean).join(' · ');
      hits.unshift({
        kind: 'details',
        snippet: findInText(details, needles, 200)?.snippet ?? { text: details, marks: [] },
      });
    }
  }
  return hits.slice(0, 4);
}
