import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/contract';
import { createMemoryStore, summaryFor } from '../../tests/support/memory-store';
import { createAnnotationsService } from './annotations-service';

const TEXT = 'The harbour ledger was kept by the clerk of the port authority for forty years.';

async function library(count: number) {
  const store = createMemoryStore();
  for (let i = 0; i < count; i++) {
    await store.addArticle({
      summary: summaryFor(`a${i}`, `Article ${i}`),
      content: { html: `<p>${TEXT}</p>`, text: TEXT, textSha256: `t${i}` },
      source: { bytes: new TextEncoder().encode(TEXT), ext: 'txt' },
    });
  }
  let reads = 0;
  const getState = store.getState.bind(store);
  store.getState = (id) => {
    reads++;
    return getState(id);
  };
  const service = createAnnotationsService({ store });
  return { store, service, reads: () => reads };
}

const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

describe('the library-wide highlight index', () => {
  it('reads each article once, then only what was written since', async () => {
    const { service, reads } = await library(20);
    await service.createAnnotation({ articleId: 'a3', ...at('harbour ledger'), color: 'yellow', tags: ['ports'] });
    expect((await service.searchAnnotations({ query: 'ledger' })).hits.map((h) => h.article.id)).toEqual(['a3']);
    const afterFirst = reads();
    expect((await service.searchAnnotations({ query: 'clerk' })).hits.length).toBe(0);
    expect(await service.listTags({})).toEqual(['ports']);
    expect(reads()).toBe(afterFirst); // nothing read again

    await service.createAnnotation({ articleId: 'a7', ...at('port authority'), color: 'green', note: 'clerk?' });
    expect((await service.searchAnnotations({ query: 'clerk' })).hits.map((h) => h.article.id)).toEqual(['a7']);
    expect(reads()).toBe(afterFirst + 1); // the search reads a7 again, and nothing else
  });

  it('sees a change made through the store by another feature, and drops a trashed article', async () => {
    const { store, service } = await library(3);
    expect((await service.searchAnnotations({ query: 'ledger' })).hits).toEqual([]);
    const created = await service.createAnnotation({ articleId: 'a1', ...at('harbour'), color: 'blue' });
    const imported: Annotation = { ...created, id: 'jsonld-1', body: { ...created.body, note: 'from Hypothesis' } };
    await store.updateState('a2', (s) => ({ ...s, annotations: [...s.annotations, imported] }));
    expect((await service.searchAnnotations({ query: 'hypothesis' })).hits.map((h) => h.article.id)).toEqual(['a2']);
    await store.trashArticle('a2');
    expect((await service.searchAnnotations({ query: 'hypothesis' })).hits).toEqual([]);
  });

  it('sends the first page of every highlight after reading only the articles it needs', async () => {
    const { store, service, reads } = await library(100);
    for (let i = 0; i < 100; i++) {
      await service.createAnnotation({ articleId: `a${i}`, ...at('harbour'), color: 'yellow' });
      await service.createAnnotation({ articleId: `a${i}`, ...at('ledger'), color: 'green' });
    }
    const fresh = createAnnotationsService({ store }); // as after a restart: nothing read yet
    const before = reads();
    const page = await fresh.searchAnnotations({ query: '', limit: 5 });
    expect(reads() - before).toBeLessThanOrEqual(32);
    expect(page.hits.map((h) => h.article.id)).toEqual(['a0', 'a0', 'a1', 'a1', 'a2']);
    expect(page).toMatchObject({ total: 200, articles: 100 });
    // Once the index holds them all, the counts are its own and no file is read again.
    await fresh.searchAnnotations({ query: 'ledger' });
    const warm = reads();
    expect(await fresh.searchAnnotations({ query: '', limit: 5 })).toEqual(page);
    expect(reads()).toBe(warm);
  });
});
