// The library's entity table: kept across runs, and brought up to date by computing again only
// the articles a change can touch, with the same result as computing everything afresh.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entity, EntityCorrection, StoredCorrection } from '../model/contract';
import { ENTITIES_SHAPE } from '../model/shapes';
import { derivedCache } from '../storage/derived-cache';
import { createMemoryStore, summaryFor } from '../../tests/support/memory-store';
import { createEntitiesService } from './entities-service';
import { extractEntities } from './extract-entities';
import { KEPT_TABLE_SHAPE, staleOf, type KeptTable } from './library-entity-table';

const TEXTS: Record<string, string> = {
  a: 'Colonel Amadou Diallo met President Maria Okafor in Lagos. Later, Diallo left Lagos for Geneva.',
  b: 'Maria Okafor returned to Lagos on 3 June 2019. Okafor said the Harbour Board would meet in Geneva.',
  c: 'The Harbour Board of Lindqvist met officials of the European Commission in Brussels on Monday.',
};

const dirs: string[] = [];
const services: ReturnType<typeof createEntitiesService>[] = [];
afterEach(async () => {
  // A table written in the background must be on disk before its folder goes.
  await Promise.all(services.splice(0).map((s) => s.tableSaved()));
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

async function library() {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-library-entities-'));
  dirs.push(dir);
  const store = createMemoryStore();
  for (const [id, text] of Object.entries(TEXTS)) {
    await store.addArticle({
      summary: summaryFor(id, `Article ${id}`),
      content: { html: `<p>${text}</p>`, text, textSha256: `sha-${id}` },
      source: { bytes: new TextEncoder().encode(text), ext: 'txt' },
    });
  }
  const reads: string[] = [];
  const getContent = store.getContent.bind(store);
  store.getContent = (id) => {
    reads.push(id);
    return getContent(id);
  };
  // As the search index answers: the articles holding every word of the name, in any case.
  const mayHold = async (name: string) =>
    new Set(
      Object.keys(TEXTS).filter((id) =>
        name
          .toLowerCase()
          .split(' ')
          .every((w) => TEXTS[id]!.toLowerCase().includes(w)),
      ),
    );
  const service = (kept = true, withIndex = false) => {
    const made = createEntitiesService({
      store,
      ...(withIndex ? { mayHold } : {}),
      extract: async (text, options) => extractEntities(text, options),
      persisted: derivedCache<Entity[]>(dir, 'entities', ENTITIES_SHAPE, { readOnly: false }),
      extractorKey: () => 'v1',
      ...(kept
        ? { keptTable: derivedCache<KeptTable>(dir, 'library-entities', KEPT_TABLE_SHAPE, { readOnly: false }) }
        : {}),
    });
    services.push(made);
    return made;
  };
  return { dir, store, reads, service };
}

let n = 0;
const stored = (correction: EntityCorrection): StoredCorrection => ({
  id: `c${++n}`,
  created: '2026-12-04T00:00:00.000Z',
  correction,
});

describe('the library entity table', () => {
  it('is read back by a later run without reading any article', async () => {
    const { reads, service } = await library();
    const first = service();
    const listed = await first.listLibraryEntities({});
    expect(listed.find((e) => e.key === 'place:lagos')).toMatchObject({ articleCount: 2, mentionCount: 3 });
    await first.tableSaved();
    reads.length = 0;
    expect(await service().listLibraryEntities({})).toEqual(listed);
    expect(reads).toEqual([]);
  });

  it('computes again only the article whose text changed', async () => {
    const { store, reads, service } = await library();
    const first = service();
    await first.listLibraryEntities({});
    await first.tableSaved();
    const text = 'Ruth Abernathy flew from Lagos to Nairobi.';
    await store.replaceContent('c', { html: `<p>${text}</p>`, text, textSha256: 'sha-c2' });
    reads.length = 0;
    const listed = await service().listLibraryEntities({});
    expect(reads).toEqual(['c']);
    expect(listed.find((e) => e.key === 'place:lagos')?.articleCount).toBe(3);
    expect(listed.some((e) => e.key === 'place:brussels')).toBe(false);
  });

  it('after each correction and undo, lists what computing everything afresh lists, reading only touched articles', async () => {
    const { store, reads, service } = await library();
    const kept = service();
    await kept.listLibraryEntities({});
    const steps: EntityCorrection[] = [
      { kind: 'rename', key: 'place:lagos', name: 'Lagos State' },
      { kind: 'hide', key: 'place:geneva' },
      { kind: 'merge', key: 'person:okafor', into: 'person:maria okafor' },
      { kind: 'retype', key: 'place:lagos state', type: 'organization' },
    ];
    const made: StoredCorrection[] = [];
    for (const step of steps) {
      made.push(stored(step));
      await store.setCorrections([...made]);
      expect(await kept.listLibraryEntities({})).toEqual(await service(false).listLibraryEntities({}));
    }
    // Taking the first one out (undo) touches the articles that held Lagos, not article c.
    await store.setCorrections(made.slice(1));
    reads.length = 0;
    const afterUndo = await kept.listLibraryEntities({});
    expect([...reads].sort()).toEqual(['a', 'b']);
    expect(afterUndo).toEqual(await service(false).listLibraryEntities({}));
  });

  it('computes every article again after an "add", which may name words in any text', async () => {
    const { store, reads, service } = await library();
    const kept = service();
    await kept.listLibraryEntities({});
    await store.setCorrections([stored({ kind: 'add', name: 'Harbour Board', type: 'organization' })]);
    reads.length = 0;
    const listed = await kept.listLibraryEntities({});
    expect(listed.find((e) => e.key === 'organization:harbour board')?.articleCount).toBe(2);
    expect(new Set(reads)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('after an "add", computes again only the articles the search index says may hold the name', async () => {
    const { store, reads, service } = await library();
    const kept = service(true, true);
    await kept.listLibraryEntities({});
    const add = stored({ kind: 'add', name: 'Lindqvist', type: 'place' });
    await store.setCorrections([add]);
    reads.length = 0;
    const listed = await kept.listLibraryEntities({});
    expect(reads).toEqual(['c']);
    expect(listed).toEqual(await service(false).listLibraryEntities({}));
    await store.setCorrections([]); // undone
    reads.length = 0;
    expect(await kept.listLibraryEntities({})).toEqual(await service(false).listLibraryEntities({}));
    expect(reads.slice(0, 1)).toEqual(['c']);
  });

  it('is computed again when its file is damaged', async () => {
    const { dir, reads, service } = await library();
    const first = service();
    const listed = await first.listLibraryEntities({});
    await first.tableSaved();
    await writeFile(join(dir, 'cache', 'library-entities', 'library.json'), '{"version":1,"inputKey":"v1","value":{');
    reads.length = 0;
    expect(await service().listLibraryEntities({})).toEqual(listed);
    expect(new Set(reads)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('finds the occurrences of an entity in the articles that mention it only', async () => {
    const { reads, service } = await library();
    const s = service();
    await s.listLibraryEntities({});
    reads.length = 0;
    const hits = await s.getEntityOccurrences({ key: 'place:brussels' });
    expect(hits.map((h) => h.article.id)).toEqual(['c']);
    expect(reads.filter((id) => id !== 'c')).toEqual([]);
  });
});

describe('staleOf', () => {
  const [hide, rename, add] = [
    stored({ kind: 'hide', key: 'place:x' }),
    stored({ kind: 'rename', key: 'person:y', name: 'Y' }),
    stored({ kind: 'add', name: 'Z', type: 'place' }),
  ];
  it('names the keys of corrections appended or taken out, and the names an "add" looks for', () => {
    expect(staleOf([hide], [hide])).toEqual({ keys: new Set(), names: [] });
    expect(staleOf([hide], [hide, rename])).toEqual({ keys: new Set(['person:y']), names: [] });
    expect(staleOf([hide, rename], [rename])).toEqual({ keys: new Set(['place:x']), names: [] });
    expect(staleOf([], [add])).toEqual({ keys: new Set(), names: ['Z'] });
    expect(staleOf([add], [])).toEqual({ keys: new Set(), names: ['Z'] });
  });
  it('gives up on corrections in another order', () => {
    expect(staleOf([hide, rename], [rename, hide])).toBe('all');
  });
});
