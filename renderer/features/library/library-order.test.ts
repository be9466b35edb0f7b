import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../main/model/contract';
import { filterArticles, onShelf, sortArticles } from './library-order';

function summary(
  id: string,
  title: string,
  added: string,
  progress = 0,
  extra: Partial<ArticleSummary> = {},
): ArticleSummary {
  return {
    id,
    title,
    author: null,
    site: null,
    published: null,
    source: null,
    sourceUrl: null,
    format: 'txt',
    added,
    wordCount: 100,
    readingMinutes: 1,
    language: null,
    tags: [],
    progress,
    highlightCount: 0,
    shelf: 'inbox',
    favorite: false,
    opened: null,
    sourceSha256: id,
    ...extra,
  };
}

const a = summary('a', 'Zebra crossings', '2026-11-01T10:00:00Z', 0.5);
const b = summary('b', 'apples and Öranges', '2026-11-03T10:00:00Z', 1, { site: 'Harbour Gazette' });
const c = summary('c', 'Mid-river ferries', '2026-11-02T10:00:00Z', 0, { tags: ['transport'] });

describe('sortArticles', () => {
  it('puts the newest first by default', () => {
    expect(sortArticles([a, b, c], 'added').map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
  it('sorts titles without regard to case', () => {
    expect(sortArticles([a, b, c], 'title').map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
  it('puts articles in progress first and finished ones last', () => {
    expect(sortArticles([a, b, c], 'progress').map((x) => x.id)).toEqual(['a', 'c', 'b']);
  });
  it('does not change its input', () => {
    const input = [a, b, c];
    sortArticles(input, 'title');
    expect(input.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('filterArticles', () => {
  it('matches every word, across title, site and tags, ignoring accents', () => {
    expect(filterArticles([a, b, c], 'oranges harbour').map((x) => x.id)).toEqual(['b']);
    expect(filterArticles([a, b, c], 'TRANSPORT').map((x) => x.id)).toEqual(['c']);
  });
  it('narrows to a tag, author or site with field words, a tag by its start while typing', () => {
    const d = summary('d', 'Transport policy', '2026-11-04T10:00:00Z', 0, { author: 'Ana Sousa', tags: ['rivers'] });
    expect(filterArticles([a, b, c, d], 'tag:transport').map((x) => x.id)).toEqual(['c']);
    expect(filterArticles([a, b, c, d], 'tag:tra').map((x) => x.id)).toEqual(['c']);
    expect(filterArticles([a, b, c, d], 'author:sousa').map((x) => x.id)).toEqual(['d']);
    expect(filterArticles([a, b, c, d], 'site:gazette').map((x) => x.id)).toEqual(['b']);
    expect(filterArticles([a, b, c, d], 'transport').map((x) => x.id)).toEqual(['c', 'd']);
  });
  it('returns everything for a blank query', () => {
    expect(filterArticles([a, b, c], '  ')).toHaveLength(3);
  });
});

describe('onShelf', () => {
  const archived = summary('e', 'Old news', '2026-10-01T10:00:00Z', 1, { shelf: 'archive', favorite: true });
  it('keeps the inbox and the archive apart, and shows favorites from both', () => {
    const all = [a, archived];
    expect(all.filter((x) => onShelf(x, 'inbox')).map((x) => x.id)).toEqual(['a']);
    expect(all.filter((x) => onShelf(x, 'archive')).map((x) => x.id)).toEqual(['e']);
    expect(all.filter((x) => onShelf(x, 'favorites')).map((x) => x.id)).toEqual(['e']);
    expect(all.filter((x) => onShelf(x, 'all'))).toHaveLength(2);
  });
});
