// Issue 15: entity extraction used to run on the server's main thread, so a highlight saved
// while a long article was being tagged waited for the whole extraction. Measured here both
// ways over the same memory store: extraction in-process (as before) and in the worker (now),
// plus a second open of the article, which reads the kept result instead of tagging again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '../../main/model/contract';
import { ENTITIES_SHAPE } from '../../main/model/shapes';
import { createAnnotationsService } from '../../main/annotations/annotations-service';
import { createEntitiesService } from '../../main/entities/entities-service';
import { createEntityRunner, type ExtractFn } from '../../main/entities/entity-runner';
import { extractEntities } from '../../main/entities/extract-entities';
import { derivedCache } from '../../main/storage/derived-cache';
import { createMemoryStore, summaryFor } from '../support/memory-store';
import { row, type BenchRow } from './report';
import { asText, generateParagraphs } from './seeded';

interface Run {
  extractMs: number;
  /** createAnnotation on another article, asked for 50 ms into the extraction, until saved. */
  saveMs: number;
}

async function once(words: number, extract: ExtractFn, dir: string): Promise<Run & { reopenMs: number }> {
  const store = createMemoryStore();
  const long = asText('Long report', generateParagraphs(words, 7));
  const short = 'A short note about the harbour ledger, kept by the clerk of the port authority.';
  await store.addArticle({
    summary: summaryFor('long', 'Long report'),
    content: { html: '', text: long, textSha256: `long-${words}` },
    source: { bytes: new Uint8Array(), ext: 'txt' },
  });
  await store.addArticle({
    summary: summaryFor('short', 'Short note'),
    content: { html: '', text: short, textSha256: 'short' },
    source: { bytes: new Uint8Array(), ext: 'txt' },
  });
  const persisted = derivedCache<Entity[]>(dir, 'entities', ENTITIES_SHAPE, { readOnly: false });
  const entities = createEntitiesService({ store, extract, persisted, extractorKey: () => 'bench' });
  const annotations = createAnnotationsService({ store });
  const t0 = performance.now();
  const extracting = entities.getEntities({ articleId: 'long' }).then(() => performance.now() - t0);
  // The user highlights 50 ms in; the wait counts from then, including any time the thread was busy.
  await new Promise((resolve) => setTimeout(resolve, 50));
  await annotations.createAnnotation({ articleId: 'short', start: 2, end: 7, color: 'yellow' });
  const saveMs = performance.now() - t0 - 50;
  const extractMs = await extracting;
  const again = createEntitiesService({ store, extract, persisted, extractorKey: () => 'bench' });
  const r0 = performance.now();
  await again.getEntities({ articleId: 'long' });
  return { extractMs, saveMs, reopenMs: performance.now() - r0 };
}

export async function benchEntitiesOffThread(opts: { words: number }): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-entities-'));
  const runner = createEntityRunner();
  try {
    // Start the worker (and load its model) before timing, as the app does on its first extraction.
    await runner.extract('Warm up in Geneva.', { referenceDate: null });
    const inProcess = await once(opts.words, async (text, o) => extractEntities(text, o), join(dir, 'a'));
    const worker = await once(opts.words, runner.extract, join(dir, 'b'));
    const size = `${opts.words.toLocaleString('en-US')}-word article`;
    return [
      row('Highlight saved while entities are extracted: in-process (before)', size, 'ms', [inProcess.saveMs]),
      row('Highlight saved while entities are extracted: worker (now)', size, 'ms', [worker.saveMs], {
        op: '<',
        value: 50,
      }),
      row(
        'Entity extraction in the worker',
        size,
        'ms',
        [worker.extractMs],
        undefined,
        `in-process ${inProcess.extractMs.toFixed(0)} ms`,
      ),
      row('Entities of the article opened again (kept result)', size, 'ms', [worker.reopenMs], {
        op: '<',
        value: 1000,
      }),
    ];
  } finally {
    await runner.close();
    await rm(dir, { recursive: true, force: true });
  }
}
