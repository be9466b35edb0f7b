// Issue 13's targets for library search: typing to results at 10,000 articles (~10 M words)
// and 100,000 highlights; building the index from scratch; its memory. Measured over the
// memory store (the text is generated, seeded), so the figures are the index's own.
import { createMemoryStore, summaryFor } from '../support/memory-store';
import { createSearchService } from '../../main/search/search-service';
import type { Annotation } from '../../main/model/contract';
import { row, type BenchRow } from './report';
import { asText, generateParagraphs } from './seeded';

function highlights(articleId: string, text: string, count: number): Annotation[] {
  return Array.from({ length: count }, (_, i) => {
    const start = Math.floor((i * text.length) / (count + 1));
    const end = Math.min(text.length, start + 40);
    return {
      id: `${articleId}-h${i}`,
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      status: 'anchored',
      body: {
        color: (['yellow', 'green', 'blue'] as const)[i % 3]!,
        note: i % 4 ? '' : 'check this figure',
        tags: i % 5 ? [] : ['evidence'],
      },
      target: {
        source: articleId,
        selector: [
          { type: 'TextPositionSelector', start, end },
          { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: '', suffix: '' },
        ],
      },
    };
  });
}

export async function benchSearch(opts: {
  articles: number;
  words: number;
  highlightsEach: number;
}): Promise<BenchRow[]> {
  const store = createMemoryStore();
  let words = 0;
  for (let i = 0; i < opts.articles; i++) {
    const p = generateParagraphs(opts.words, 500 + i);
    words += p.words;
    const text = asText(`Article ${i}`, p);
    await store.addArticle({
      summary: summaryFor(`art${i}`, `Article ${i} on the harbour ledger`),
      content: { html: '', text, textSha256: `t${i}` },
      source: { bytes: new Uint8Array(), ext: 'txt' },
      state: { annotations: highlights(`art${i}`, text, opts.highlightsEach), note: '', position: 0 },
    });
  }
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const search = createSearchService({ store });
  const b0 = performance.now();
  await search.warm();
  const buildMs = performance.now() - b0;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;
  // Typing "minister budg": each keystroke is a query; the last word is a prefix.
  const typed = 'minister budget';
  const times: number[] = [];
  for (let k = 3; k <= typed.length; k++) {
    const t0 = performance.now();
    await search.searchLibrary({ query: typed.slice(0, k), limit: 20 });
    times.push(performance.now() - t0);
  }
  const f0 = performance.now();
  const tagged = await search.searchLibrary({ query: 'tag:evidence color:green', limit: 20 });
  const filterMs = performance.now() - f0;
  const size = `${opts.articles.toLocaleString('en-US')} articles, ${(words / 1e6).toFixed(1)} M words, ${(opts.articles * opts.highlightsEach).toLocaleString('en-US')} highlights`;
  return [
    row('Search index built from scratch', size, 'ms', [buildMs], { op: '<', value: 60_000 }),
    row(
      'Search index memory (heap)',
      size,
      'MB',
      [heapMb],
      undefined,
      global.gc ? 'after GC' : 'run with --expose-gc for an exact figure',
    ),
    row(
      'Search: a keystroke to results (20 shown)',
      size,
      'ms',
      times,
      { op: '<', value: 50 },
      `“${typed}” typed a letter at a time`,
    ),
    row('Search: tag: and color: filters', size, 'ms', [filterMs], undefined, `${tagged.total} articles`),
  ];
}
