// Issue 15: Library Entities extracted every article again on its first open (79 s at 10,000
// articles). Each article's entities are now kept beside the library (cache/entities/), so only
// the first open after an import pays. Measured over the real file store: the first open with
// nothing kept (extraction in the worker), then a fresh start that reads what was kept.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../main/model/contract';
import { ENTITIES_SHAPE } from '../../main/model/shapes';
import { createEntitiesService } from '../../main/entities/entities-service';
import { createEntityRunner } from '../../main/entities/entity-runner';
import { derivedCache } from '../../main/storage/derived-cache';
import { openLibraryStore } from '../../main/storage/library-store';
import { summaryFor } from '../support/memory-store';
import { row, type BenchRow } from './report';
import { asText, generateParagraphs } from './seeded';

export async function benchLibraryEntities(opts: { articles: number; words: number }): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-library-entities-'));
  const runner = createEntityRunner();
  try {
    const store = await openLibraryStore(dir);
    for (let i = 0; i < opts.articles; i++) {
      const text = asText(`Article ${i}`, generateParagraphs(opts.words, 100 + i));
      await store.addArticle({
        summary: { ...summaryFor(`art${i}`, `Article ${i}`), sourceSha256: `${i}`.padStart(64, '0') },
        content: { html: `<p>${text}</p>`, text, textSha256: `${i}`.padStart(64, 'e') },
        source: { bytes: new TextEncoder().encode(text), ext: 'txt' },
      });
    }
    await store.flush();
    const service = () =>
      createEntitiesService({
        store,
        extract: runner.extract,
        persisted: derivedCache<Entity[]>(dir, 'entities', ENTITIES_SHAPE, { readOnly: false }),
        extractorKey: () => 'bench',
      });
    const c0 = performance.now();
    const rows = await service().listLibraryEntities({});
    const coldMs = performance.now() - c0;
    const w0 = performance.now();
    await service().listLibraryEntities({});
    const warmMs = performance.now() - w0;
    await store.close();
    const size = `${opts.articles.toLocaleString('en-US')} articles × ${opts.words.toLocaleString('en-US')} words`;
    return [
      row(
        'Library Entities, first open, nothing kept (worker extracts)',
        size,
        'ms',
        [coldMs],
        undefined,
        `${rows.length} entities`,
      ),
      row(
        'Library Entities, first open after a restart (kept results)',
        size,
        'ms',
        [warmMs],
        { op: '<', value: 1000 },
        'issue 15: 6.9 s at 1,000, 79 s at 10,000',
      ),
    ];
  } finally {
    await runner.close();
    await rm(dir, { recursive: true, force: true });
  }
}
