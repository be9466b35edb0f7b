// Issue 15: Library Entities extracted every article again on its first open (79 s at 10,000
// articles). Each article's entities are kept beside the library (cache/entities/), and so is the
// library's table of them (cache/library-entities/): the first open after a restart reads that one
// file and stamps each text file. Measured over the real file store: the first open with nothing
// kept (extraction in the worker), then a fresh store and service (a restart) at two sizes, and an
// open after a correction, which computes again only the articles holding the corrected entity.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../main/model/contract';
import { ENTITIES_SHAPE } from '../../main/model/shapes';
import { createEntitiesService } from '../../main/entities/entities-service';
import { createEntityRunner } from '../../main/entities/entity-runner';
import type { ExtractFn } from '../../main/entities/entity-runner';
import { KEPT_TABLE_SHAPE, type KeptTable } from '../../main/entities/library-entity-table';
import { derivedCache } from '../../main/storage/derived-cache';
import { openLibraryStore } from '../../main/storage/library-store';
import type { LibraryStore } from '../../main/storage/store-types';
import { summaryFor } from '../support/memory-store';
import { row, type BenchRow } from './report';
import { asText, generateParagraphs } from './seeded';

const n = (x: number) => x.toLocaleString('en-US');

interface Library {
  dir: string;
  open(): Promise<LibraryStore>;
  service(store: LibraryStore, extract: ExtractFn): ReturnType<typeof createEntitiesService>;
}

/** `articles` articles of `words` words; their texts cycle through `distinct` generated ones. */
async function generated(articles: number, words: number, distinct: number): Promise<Library> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-library-entities-'));
  const texts = Array.from({ length: distinct }, (_, i) => asText(`Article ${i}`, generateParagraphs(words, 100 + i)));
  const store = await openLibraryStore(dir);
  for (let i = 0; i < articles; i++) {
    const text = texts[i % distinct]!;
    await store.addArticle({
      summary: { ...summaryFor(`art${i}`, `Article ${i}`), sourceSha256: `${i}`.padStart(64, '0') },
      content: { html: `<p>${text}</p>`, text, textSha256: `${i}`.padStart(64, 'e') },
      source: { bytes: new TextEncoder().encode(text), ext: 'txt' },
    });
  }
  await store.close();
  return {
    dir,
    open: () => openLibraryStore(dir),
    service: (store, extract) =>
      createEntitiesService({
        store,
        extract,
        persisted: derivedCache<Entity[]>(dir, 'entities', ENTITIES_SHAPE, { readOnly: false }),
        keptTable: derivedCache<KeptTable>(dir, 'library-entities', KEPT_TABLE_SHAPE, { readOnly: false }),
        extractorKey: () => 'bench',
      }),
  };
}

/** The time of one first open of Library Entities in a fresh store and service (a restart). */
async function afterRestart(lib: Library, extract: ExtractFn): Promise<{ ms: number; entities: number }> {
  const store = await lib.open();
  const service = lib.service(store, extract);
  const t0 = performance.now();
  const listed = await service.listLibraryEntities({});
  const ms = performance.now() - t0;
  await service.tableSaved();
  await store.close();
  return { ms, entities: listed.length };
}

/** Each distinct text extracted once: a library of repeated texts fills its kept results quickly. */
function memoized(extract: ExtractFn): ExtractFn {
  const done = new Map<string, Promise<Entity[]>>();
  return (text, options) => {
    let hit = done.get(text);
    if (!hit) done.set(text, (hit = extract(text, options)));
    return hit;
  };
}

export async function benchLibraryEntities(opts: {
  articles: number;
  large: number;
  words: number;
}): Promise<BenchRow[]> {
  const runner = createEntityRunner();
  const libs: Library[] = [];
  try {
    const small = await generated(opts.articles, opts.words, opts.articles);
    libs.push(small);
    const cold = await afterRestart(small, runner.extract);
    const warm = await afterRestart(small, runner.extract);

    const large = await generated(opts.large, opts.words, 1000);
    libs.push(large);
    await afterRestart(large, memoized(runner.extract)); // fills what is kept
    const restart = await afterRestart(large, runner.extract);
    const corrected = await afterCorrection(large, runner.extract);

    const size = (count: number) => `${n(count)} articles × ${n(opts.words)} words`;
    return [
      row(
        'Library Entities, first open, nothing kept (worker extracts)',
        size(opts.articles),
        'ms',
        [cold.ms],
        undefined,
        `${cold.entities} entities`,
      ),
      row('Library Entities, first open after a restart (kept results)', size(opts.articles), 'ms', [warm.ms], {
        op: '<',
        value: 1000,
      }),
      row(
        'Library Entities, first open after a restart (kept results)',
        size(opts.large),
        'ms',
        [restart.ms],
        { op: '<', value: 1000 },
        'issue 15: 79 s at 10,000 (6.9 s at 1,000) before anything was kept',
      ),
      row(
        'Library Entities, open after hiding an entity',
        size(opts.large),
        'ms',
        [corrected.ms],
        undefined,
        `${n(corrected.touched)} articles held it and were computed again`,
      ),
    ];
  } finally {
    await runner.close();
    for (const lib of libs) await rm(lib.dir, { recursive: true, force: true });
  }
}

/**
 * Hides the most-mentioned entity found in at most 1% of the articles (a name a reader would
 * correct; a place in every article would be computed again everywhere), then opens Library
 * Entities again in the same service.
 */
async function afterCorrection(lib: Library, extract: ExtractFn): Promise<{ ms: number; touched: number }> {
  const store = await lib.open();
  const service = lib.service(store, extract);
  const before = await service.listLibraryEntities({});
  const top = before.find((e) => e.articleCount <= store.listSummaries().length / 100) ?? before.at(-1)!;
  await service.correctEntity({ correction: { kind: 'hide', key: top.key } });
  const t0 = performance.now();
  await service.listLibraryEntities({});
  const ms = performance.now() - t0;
  await service.tableSaved();
  await store.close();
  return { ms, touched: top.articleCount };
}
