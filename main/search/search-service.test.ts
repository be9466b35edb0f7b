import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../model/contract';
import { createMemoryStore, summaryFor } from '../../tests/support/memory-store';
import { createAnnotationsService } from '../annotations/annotations-service';
import { createSearchService } from './search-service';

const TRAM =
  'When the transport committee of Lindqvist voted to route the new tram line across the Weir Bridge, ' +
  'the decision took eleven minutes. The council’s transport director, Maja Ekström, said the route had been published.';
const FERRY = 'The ferry to the island still runs twice a day, and the harbour master keeps the ledger by hand.';

async function library() {
  const store = createMemoryStore();
  const add = async (id: string, title: string, text: string, extra: Partial<ArticleSummary> = {}) =>
    store.addArticle({
      summary: { ...summaryFor(id, title), ...extra },
      content: { html: `<p>${text}</p>`, text, textSha256: `${id}-1` },
      source: { bytes: new TextEncoder().encode(text), ext: 'txt' },
    });
  await add('tram', 'A Tram Line Splits a River Town', TRAM, {
    author: 'Agnes Holloway',
    site: 'Dispatches',
    tags: ['cities'],
  });
  await add('ferry', 'The Last Island Ferry', FERRY, { author: 'Tomas Berg', site: 'Coastline' });
  const annotations = createAnnotationsService({ store });
  const search = createSearchService({ store });
  const ids = async (query: string) => (await search.searchLibrary({ query })).results.map((r) => r.article.id).sort();
  return { store, annotations, search, ids };
}

const range = (text: string, quote: string) => ({
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
});

describe('library search', () => {
  it('finds a word in an article body, with a snippet marking it and its place in the text', async () => {
    const { search } = await library();
    const { results } = await search.searchLibrary({ query: 'bridge ' });
    expect(results.map((r) => r.article.id)).toEqual(['tram']);
    const hit = results[0]!.hits[0]!;
    if (hit.kind !== 'text') throw new Error(`expected a text hit, got ${hit.kind}`);
    expect(TRAM.slice(hit.start, hit.end)).toBe('Bridge');
    const [s, e] = hit.snippet.marks[0]!;
    expect(hit.snippet.text.slice(s, e)).toBe('Bridge');
  });

  it('ignores case and accents, matches the last word as a prefix while typing, and skips stop words', async () => {
    const { ids } = await library();
    expect(await ids('EKSTROM ')).toEqual(['tram']);
    expect(await ids('harb')).toEqual(['ferry']);
    expect(await ids('harb ')).toEqual([]); // a finished word is a word
    expect(await ids('the ledger ')).toEqual(['ferry']);
    // While a next word is begun, its first letter does not empty the results.
    expect(await ids('harbour l')).toEqual(['ferry']);
    expect(await ids('harbour le')).toEqual(['ferry']);
    expect(await ids('harbour q ')).toEqual([]);
  });

  it('a "phrase" matches only those words in that order', async () => {
    const { ids } = await library();
    expect(await ids('"eleven minutes"')).toEqual(['tram']);
    expect(await ids('"minutes eleven"')).toEqual([]);
  });

  it('filters by tag, color, author and site, on articles and highlights', async () => {
    const { annotations, ids, search } = await library();
    await annotations.createAnnotation({
      articleId: 'ferry',
      ...range(FERRY, 'harbour master'),
      color: 'green',
      tags: ['ports'],
    });
    expect(await ids('tag:ports')).toEqual(['ferry']);
    expect(await ids('tag:cities')).toEqual(['tram']); // the article's own tag
    expect(await ids('color:green')).toEqual(['ferry']);
    expect(await ids('author:holloway')).toEqual(['tram']);
    expect(await ids('site:coast ferry')).toEqual(['ferry']);
    const colorHit = (await search.searchLibrary({ query: 'color:green' })).results[0]!.hits[0]!;
    expect(colorHit.kind).toBe('highlight');
    expect((await search.searchLibrary({ query: 'color:red' })).note).toMatch(/not a highlight color/);
  });

  it('finds a highlight by its note, and stays in step as highlights and articles change', async () => {
    const { annotations, ids, store } = await library();
    expect(await ids('checked')).toEqual([]);
    const a = await annotations.createAnnotation({
      articleId: 'tram',
      ...range(TRAM, 'Weir Bridge'),
      color: 'yellow',
      note: 'checked against the council minutes',
    });
    expect(await ids('checked')).toEqual(['tram']);
    await annotations.updateAnnotation({ articleId: 'tram', id: a.id, patch: { note: 'verified' } });
    expect(await ids('checked')).toEqual([]);
    expect(await ids('verified')).toEqual(['tram']);
    await annotations.deleteAnnotation({ articleId: 'tram', id: a.id });
    expect(await ids('verified')).toEqual([]);

    await store.updateText('ferry', {
      content: { html: '<p>The ferry was cancelled.</p>', text: 'The ferry was cancelled.', textSha256: 'ferry-2' },
      summary: { wordCount: 4, sourceSha256: 'ferry-src-2' },
    });
    expect(await ids('ledger')).toEqual([]);
    expect(await ids('cancelled')).toEqual(['ferry']);
    await store.trashArticle('ferry');
    expect(await ids('cancelled')).toEqual([]);
  });

  it('an article matches when its words are split between its text and its highlights, and lists those highlights', async () => {
    const { annotations, search } = await library();
    await annotations.createAnnotation({
      articleId: 'ferry',
      ...range(FERRY, 'harbour master'),
      color: 'blue',
      note: 'ask about the timetable',
    });
    await annotations.createAnnotation({ articleId: 'ferry', ...range(FERRY, 'ledger'), color: 'green' });
    const { results } = await search.searchLibrary({ query: 'island timetable ' });
    expect(results.map((r) => r.article.id)).toEqual(['ferry']);
    expect(results[0]!.hits.map((h) => h.kind)).toEqual(['text', 'highlight']);

    const green = (await search.searchLibrary({ query: 'color:green' })).results[0]!.hits;
    expect(green.map((h) => (h.kind === 'highlight' ? FERRY.slice(h.start, h.end) : h.kind))).toEqual(['ledger']);
    // The words are in the article but in none of its green highlights: nothing to list, and nothing counted.
    expect(await search.searchLibrary({ query: 'color:green harbour ' })).toMatchObject({ results: [], total: 0 });
    expect(await search.searchLibrary({ query: 'color:green ledg' })).toMatchObject({ total: 1 });
  });

  it('tells which articles may hold a name, once the index has been built, taking in changes first', async () => {
    const { store, search } = await library();
    expect(await search.articlesWithWords('Maja Ekström')).toBeNull(); // not built yet
    await search.warm();
    expect(await search.articlesWithWords('Maja Ekström')).toEqual(new Set(['tram']));
    expect(await search.articlesWithWords('harbour master')).toEqual(new Set(['ferry']));
    expect(await search.articlesWithWords('the')).toBeNull(); // stop words only: not told
    // A change since the last search is taken in first.
    await store.replaceContent('ferry', { html: '<p>The lock gates</p>', text: 'The lock gates', textSha256: 'f2' });
    await store.updateSummary('ferry', { wordCount: 3 });
    expect(await search.articlesWithWords('harbour master')).toEqual(new Set());
    expect(await search.articlesWithWords('lock gates')).toEqual(new Set(['ferry']));
  });
});
