// Extraction off the main thread, and its result kept per article across runs.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entity } from '../model/contract';
import { ENTITIES_SHAPE } from '../model/shapes';
import { derivedCache } from '../storage/derived-cache';
import { createMemoryStore, summaryFor } from '../../tests/support/memory-store';
import { createEntitiesService } from './entities-service';
import { createEntityRunner } from './entity-runner';
import { extractEntities } from './extract-entities';

const TEXT =
  'Ruth Abernathy, who chairs the Harbour Board in Lindqvist, met officials of the European Commission in Brussels on Monday.';

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

async function library() {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-entities-cache-'));
  dirs.push(dir);
  const store = createMemoryStore();
  await store.addArticle({
    summary: summaryFor('harbour', 'Harbour Board'),
    content: { html: `<p>${TEXT}</p>`, text: TEXT, textSha256: 'h1' },
    source: { bytes: new TextEncoder().encode(TEXT), ext: 'txt' },
  });
  const calls: string[] = [];
  const service = (key = 'v1') =>
    createEntitiesService({
      store,
      extract: async (text, options) => {
        calls.push(key);
        return extractEntities(text, options);
      },
      persisted: derivedCache<Entity[]>(dir, 'entities', ENTITIES_SHAPE, { readOnly: false }),
      extractorKey: () => key,
    });
  return { dir, calls, service };
}

describe('entities kept per article', () => {
  it('are extracted once, and read back by a later run with the same extractor', async () => {
    const { calls, service } = await library();
    const first = await service().getEntities({ articleId: 'harbour' });
    expect(first.map((e) => e.name)).toContain('Ruth Abernathy');
    const again = await service().getEntities({ articleId: 'harbour' });
    expect(again).toEqual(first);
    expect(calls).toEqual(['v1']);
  });

  it('are extracted again for another extractor, and when the kept file is damaged', async () => {
    const { dir, calls, service } = await library();
    await service().getEntities({ articleId: 'harbour' });
    await service('v2').getEntities({ articleId: 'harbour' });
    expect(calls).toEqual(['v1', 'v2']);
    await writeFile(join(dir, 'cache', 'entities', 'harbour.json'), '{"version":1,"inputKey":');
    const repaired = await service('v2').getEntities({ articleId: 'harbour' });
    expect(calls).toEqual(['v1', 'v2', 'v2']);
    expect(repaired.map((e) => e.name)).toContain('Lindqvist');
  });

  it('one article viewed twice at once is extracted once', async () => {
    const { calls, service } = await library();
    const entities = service();
    await Promise.all([entities.getEntities({ articleId: 'harbour' }), entities.getEntities({ articleId: 'harbour' })]);
    expect(calls).toEqual(['v1']);
  });

  it('prefetch extracts ahead of the first view, once imports have been quiet for a moment', async () => {
    const { dir, calls, service } = await library();
    service().prefetch('harbour');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(calls).toEqual([]); // not while imports may still be arriving
    await expect
      .poll(async () => readdir(join(dir, 'cache', 'entities')).catch(() => []), { timeout: 10_000 })
      .toEqual(['harbour.json']);
    await service().getEntities({ articleId: 'harbour' });
    expect(calls).toEqual(['v1']);
  });
});

describe('the entity worker', () => {
  it('extracts what extraction in-process does, while the main thread keeps running', async () => {
    const runner = createEntityRunner();
    try {
      const long = Array.from({ length: 400 }, () => TEXT).join('\n\n');
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      const started = Date.now();
      const entities = await runner.extract(long, { referenceDate: null });
      const took = Date.now() - started;
      clearInterval(timer);
      expect(entities).toEqual(extractEntities(long, { referenceDate: null }));
      // The loop was free while the worker tagged: timers fired through most of the wait.
      expect(ticks).toBeGreaterThan(took / 5 / 4);
    } finally {
      await runner.close();
    }
  });
});
