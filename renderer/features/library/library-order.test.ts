import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../main/model/contract';
import { filterArticles, sortArticles } from './library-order';

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
  it('returns everything for a blank query', () => {
    expect(filterArticles([a, b, c], '  ')).toHaveLength(3);
  });
});
