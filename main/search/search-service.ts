// Library search: one MiniSearch index over every article's text, details and
// highlights, kept in step with the library as it changes (an article is indexed
// again when its details, text or annotations changed since), and queried with
// words, "phrases" and field filters. Results are articles, best first, each with
// the places that matched: its text or details, and its highlights.
import MiniSearch from 'minisearch';
import type { GlossApi, LibrarySearchResult, SearchHit } from '../model/contract';
import { requireNumber, requireString } from '../model/validate';
import type { LibraryStore } from '../storage/store-types';
import { findInText } from './find-in-text';
import { foldText, normalizeTerm } from './normalize-term';
import { parseQuery, type ParsedQuery } from './parse-query';
import type { IndexedHighlight, StoredDocument } from './search-documents';
import { createLibraryIndex, type LibraryIndex } from './search-index';
import { createTermResults, type Scored, type TermQuery, type TermResults } from './term-results';

export type SearchService = Pick<GlossApi, 'searchLibrary' | 'getSearchProgress'> & {
  /** Builds or refreshes the index now (after start-up), so the first search is quick. */
  warm(): Promise<void>;
  /** Writes the index to disk if it changed (at close). */
  close(): Promise<void>;
  /**
   * The articles whose text or details hold every word of `text` (a superset of those holding it
   * as written), or null when that cannot be told now: the index was never built or is being built,
   * or no word of `text` is indexed (stop words only).
   */
  articlesWithWords(text: string): Promise<Set<string> | null>;
};

export interface SearchServiceDeps {
  store: LibraryStore;
  /** The names of an article's entities when they are known, for entity: (never extracts). */
  entityNames?: (articleId: string) => Promise<string[] | null>;
  /** Keep the index in the library folder (cache/search/) between runs. */
  persist?: boolean;
}

export function createSearchService({ store, entityNames, persist = false }: SearchServiceDeps): SearchService {
  const library = createLibraryIndex(store, { persist });
  const termResults = createTermResults();
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

    async articlesWithWords(text) {
      // Never built or loaded yet, or being built: answering would mean waiting for the whole library.
      if (walkedAt === -1 || library.progress() !== null) return null;
      // Otherwise brought in step first: a walk of the stamps, and the few articles changed since.
      await refresh();
      const terms = tokenize(text)
        .map(normalizeTerm)
        .filter((t): t is string => t !== null);
      if (terms.length === 0) return null;
      const found = library.mini.search(terms.join(' '), { prefix: false, fuzzy: false, combineWith: 'AND' });
      return new Set(found.map((r) => storedOf(library, r.id as string)?.articleId).filter((id) => id !== undefined));
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
      const typing = /\S$/.test(text);
      const matched = await matchingDocuments(library, termResults, parsed, typing, entityNames);
      const results: LibrarySearchResult[] = [];
      for (const found of matched) {
        if (results.length >= max) break;
        const doc = storedOf(library, found.id);
        const summary = doc && store.getSummary(doc.articleId);
        if (!summary) continue;
        const hits = await hitsOf(store, doc, parsed, typing);
        if (hits.length) results.push({ article: summary, score: found.score, hits });
      }
      return { results, total: Math.max(results.length, matched.length), note };
    },
  };
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

const storedOf = (library: LibraryIndex, id: string) => library.mini.getStoredFields(id) as StoredDocument | undefined;

/** The articles matching the query's words and filters, best first (stored fields read only to filter). */
async function matchingDocuments(
  library: LibraryIndex,
  termResults: TermResults,
  q: ParsedQuery,
  typing: boolean,
  entityNames: SearchServiceDeps['entityNames'],
): Promise<Scored[]> {
  const words = [...q.words, ...q.phrases];
  const terms = tokenize(words.join(' '))
    .map((w) => normalizeTerm(w))
    .filter((t): t is string => t !== null);
  // A last word of one letter is a word being begun: it would match only itself, and the results
  // would blink empty between "minister" and "minister bu". It counts once there is a second letter.
  if (typing && q.words.length > 0 && terms.length > 1 && terms[terms.length - 1]!.length < 2) terms.pop();
  const last = terms[terms.length - 1];
  const queries = terms.map((term): TermQuery => ({
    term,
    prefix: typing && q.words.length > 0 && term === last && term.length >= 2,
    fuzzy: term.length >= 6 && !q.phrases.length ? 0.15 : false,
  }));
  const candidates = queries.length
    ? termResults.matchAll(library.mini, library.version, queries)
    : library.mini.search(MiniSearch.wildcard).map((r) => ({ id: r.id as string, score: r.score }));
  if (!q.filters.length) return candidates;
  const needles: Needles = { words: q.words, phrases: q.phrases, prefixLast: typing };
  const found = candidates.filter(({ id }) => {
    const doc = storedOf(library, id);
    return doc !== undefined && passesFilters(doc, q, needles);
  });
  const entity = q.filters.filter((f) => f.field === 'entity').map((f) => foldText(f.value));
  if (!entity.length || !entityNames) return entity.length ? [] : found;
  const known = new Map<string, string[]>();
  const out: Scored[] = [];
  for (const r of found) {
    const id = storedOf(library, r.id)!.articleId;
    if (!known.has(id)) known.set(id, ((await entityNames(id)) ?? []).map(foldText));
    if (entity.every((e) => known.get(id)!.some((n) => n.includes(e)))) out.push(r);
  }
  return out;
}

const hasTag = (tags: readonly string[], folded: string) => tags.some((t) => foldText(t) === folded);

/**
 * Whether an article passes the filters. author: and site: are the article's; tag: is met by the
 * article's own tags, else — with color: — by one of its highlights that has them all and holds the
 * query's words (the only hits such an article would show, so the result count stays true).
 */
function passesFilters(r: StoredDocument, q: ParsedQuery, needles: Needles): boolean {
  const own = q.filters.every(({ field, value }) => {
    const v = foldText(value);
    if (field === 'author') return foldText(r.author).includes(v);
    if (field === 'site') return foldText(r.site).includes(v);
    return true; // tag: and color: below; entity: against the article's entities afterwards
  });
  const highlight = highlightFilter(r, q);
  if (!own || !highlight) return own;
  const anyWords = q.words.length > 0 || q.phrases.length > 0;
  return r.highlights.some((h) => highlight(h) && (!anyWords || highlightHit(h, needles, true) !== null));
}

/** The filters only a highlight can meet here: color:, and tag: when the article itself lacks the tag. */
function highlightFilter(r: StoredDocument, q: ParsedQuery): ((h: IndexedHighlight) => boolean) | null {
  const colors = q.filters.filter((f) => f.field === 'color').map((f) => foldText(f.value));
  const tags = q.filters
    .filter((f) => f.field === 'tag')
    .map((f) => foldText(f.value))
    .filter((t) => !hasTag(r.articleTags, t));
  if (!colors.length && !tags.length) return null;
  return (h) => colors.every((c) => h.color === c) && tags.every((t) => hasTag(h.tags, t));
}

type Needles = Parameters<typeof findInText>[1];

/** Where a highlight matched the query's words (its quote, else its note, else a tag); null when it did not. */
function highlightHit(h: IndexedHighlight, needles: Needles, anyWords: boolean): SearchHit | null {
  const where = findInText(h.quote, needles, 100) ?? findInText(h.note, needles, 100);
  if (anyWords && !where && (needles.phrases.length || !findInText(h.tags.join(' '), needles))) return null;
  const snippet = where?.snippet ?? { text: h.quote.slice(0, 200), marks: [] };
  return { kind: 'highlight', annotationId: h.id, color: h.color, start: h.start, end: h.end, snippet };
}

/** What to show for one article: where its text or details matched, then its highlights that did. */
async function hitsOf(
  store: LibraryStore,
  found: StoredDocument,
  q: ParsedQuery,
  typing: boolean,
): Promise<SearchHit[]> {
  const needles: Needles = { words: q.words, phrases: q.phrases, prefixLast: typing };
  const anyWords = q.words.length > 0 || q.phrases.length > 0;
  const onlyHighlights = highlightFilter(found, q);
  const highlights: SearchHit[] = [];
  for (const h of [...found.highlights].sort((a, b) => a.start - b.start)) {
    if (onlyHighlights && !onlyHighlights(h)) continue;
    const hit = highlightHit(h, needles, anyWords);
    if (hit) highlights.push(hit);
    if (highlights.length >= 4) break;
  }
  if (onlyHighlights) return highlights;
  const article = await articleHit(store, found.articleId, needles, anyWords, highlights.length > 0);
  return (article ? [article, ...highlights] : highlights).slice(0, 4);
}

/** The article's own hit: its text where a word stands, else its details when they match or nothing else did. */
async function articleHit(
  store: LibraryStore,
  articleId: string,
  needles: Needles,
  anyWords: boolean,
  highlightsMatched: boolean,
): Promise<SearchHit | null> {
  const summary = store.getSummary(articleId)!;
  if (anyWords) {
    const { text } = await store.getContent(articleId);
    const where = findInText(text, needles);
    if (where) return { kind: 'text', start: where.start, end: where.end, snippet: where.snippet };
  }
  const details = [summary.title, summary.author, summary.site, ...summary.tags].filter(Boolean).join(' · ');
  const where = anyWords ? findInText(details, needles, 200) : null;
  if (!where && (needles.phrases.length || highlightsMatched)) return null;
  return { kind: 'details', snippet: where?.snippet ?? { text: details, marks: [] } };
}
