import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary, StoredCorrection } from '../model/contract';
import type { ArticleContent, LibraryStore } from '../storage/store-types';
import { createEntitiesService } from './entities-service';

function summary(id: string, title: string): ArticleSummary {
  return {
    id,
    title,
    author: null,
    site: null,
    published: '2019-06-20',
    source: null,
    sourceUrl: null,
    format: 'txt',
    added: '2026-11-27T00:00:00.000Z',
    wordCount: 0,
    readingMinutes: 1,
    language: 'en',
    tags: [],
    progress: 0,
    highlightCount: 0,
    shelf: 'inbox',
    favorite: false,
    opened: null,
    sourceSha256: `src-${id}`,
  };
}

/** Just enough of LibraryStore for the entities service. */
function fakeStore(articles: Record<string, { title: string; text: string }>): LibraryStore & { contentReads: number } {
  let corrections: StoredCorrection[] = [];
  const summaries = Object.entries(articles).map(([id, a]) => summary(id, a.title));
  const store = {
    dir: '/tmp/fake',
    readOnly: false,
    contentReads: 0,
    listSummaries: () => summaries,
    getSummary: (id: string) => summaries.find((s) => s.id === id),
    async getContent(id: string): Promise<ArticleContent> {
      store.contentReads++;
      const a = articles[id];
      if (!a) throw new Error('missing');
      return { html: '', text: a.text, textSha256: createHash('sha256').update(a.text).digest('hex') };
    },
    contentStamp: async (id: string) => (articles[id] ? `text-${id}` : null),
    getCorrections: () => corrections,
    async setCorrections(list: StoredCorrection[]) {
      corrections = list;
    },
  };
  return store as unknown as LibraryStore & { contentReads: number };
}

const ARTICLES = {
  a: {
    title: 'Visit',
    text: 'Colonel Amadou Diallo met President Maria Okafor in Lagos. Later, Diallo left Lagos for Geneva.',
  },
  b: { title: 'Return', text: 'Maria Okafor returned to Lagos on 3 June 2019. Okafor said 139 people came.' },
};

describe('entities service', () => {
  it('extracts once per text and lists entities with corrections applied', async () => {
    const store = fakeStore(ARTICLES);
    const service = createEntitiesService({ store });
    const first = await service.getEntities({ articleId: 'a' });
    expect(first.find((e) => e.key === 'place:lagos')?.mentions).toHaveLength(2);
    await service.getEntities({ articleId: 'a' });
    expect(store.contentReads).toBe(2);
    await expect(service.getEntities({ articleId: 'zzz' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('applies a merge made in one article to another, and undoes it', async () => {
    const store = fakeStore(ARTICLES);
    const service = createEntitiesService({ store });
    const c = await service.correctEntity({
      correction: { kind: 'merge', key: 'place:lagos', into: 'person:maria okafor' },
    });
    expect(c.id).toBeTruthy();
    expect(await service.listCorrections({})).toEqual([c]);
    const inB = await service.getEntities({ articleId: 'b' });
    expect(inB.find((e) => e.key === 'person:maria okafor')?.aliases).toContain('Lagos');
    expect(inB.some((e) => e.key === 'place:lagos')).toBe(false);
    await service.undoCorrection({ id: c.id });
    expect((await service.getEntities({ articleId: 'b' })).some((e) => e.key === 'place:lagos')).toBe(true);
    await expect(service.undoCorrection({ id: c.id })).rejects.toMatchObject({ code: 'not_found' });
    // corrections written to the store by someone else count too
    await store.setCorrections([
      { id: 'x1', created: '2026-11-27T00:00:00.000Z', correction: { kind: 'hide', key: 'place:lagos' } },
    ]);
    expect((await service.getEntities({ articleId: 'b' })).some((e) => e.key === 'place:lagos')).toBe(false);
    await expect(
      service.correctEntity({ correction: { kind: 'add', name: ' ', type: 'person' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('lists library entities and their occurrences with sentences', async () => {
    const service = createEntitiesService({ store: fakeStore(ARTICLES) });
    const all = await service.listLibraryEntities({});
    expect(all.find((e) => e.key === 'place:lagos')).toMatchObject({
      name: 'Lagos',
      type: 'place',
      articleCount: 2,
      mentionCount: 3,
    });
    expect(all.find((e) => e.key === 'person:maria okafor')).toMatchObject({ articleCount: 2, mentionCount: 3 });
    const hits = await service.getEntityOccurrences({ key: 'place:lagos' });
    expect(hits.map((h) => [h.article.id, h.sentence])).toEqual([
      ['a', 'Colonel Amadou Diallo met President Maria Okafor in Lagos.'],
      ['a', 'Later, Diallo left Lagos for Geneva.'],
      ['b', 'Maria Okafor returned to Lagos on 3 June 2019.'],
    ]);
    const at = ARTICLES.a.text.lastIndexOf('Lagos');
    expect(hits[1]!.mention).toEqual({ start: at, end: at + 5, text: 'Lagos' });
    await service.correctEntity({ correction: { kind: 'hide', key: 'place:lagos' } });
    expect((await service.listLibraryEntities({})).some((e) => e.key === 'place:lagos')).toBe(false);
  });
});
