import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibraryStore } from './library-store';
import { makeAnnotation, makeArticle, makeSummary, makeTempDir } from '../../tests/support/store-test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

describe('performance budgets', () => {
  it('opens a library of 10,000 articles well under a second', async () => {
    const t = await makeTempDir();
    cleanups.push(t.cleanup);
    const summaries = Array.from({ length: 10_000 }, (_, i) =>
      makeSummary(`art${i}`, `A moderately long article title number ${i}`),
    );
    await writeFile(join(t.dir, 'library.json'), JSON.stringify({ schemaVersion: 1, articles: summaries, trash: [] }));
    await mkdir(join(t.dir, 'articles'));
    for (let i = 0; i < summaries.length; i += 500) {
      await Promise.all(summaries.slice(i, i + 500).map((s) => mkdir(join(t.dir, 'articles', s.id))));
    }
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const store = await openLibraryStore(t.dir);
      const list = store.listSummaries();
      times.push(performance.now() - start);
      expect(list).toHaveLength(10_000);
      await store.close();
    }
    console.log(`open 10,000 articles: ${times.map((x) => x.toFixed(0)).join(', ')} ms`);
    expect(median(times)).toBeLessThan(1000);

    // The index is rewritten whole when a summary changes (progress, highlight count).
    const store = await openLibraryStore(t.dir);
    const writes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      await store.updateSummary('art5', { progress: i / 10 });
      writes.push(performance.now() - start);
    }
    const burst = performance.now();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.updateSummary(`art${i}`, { highlightCount: i })));
    const burstMs = performance.now() - burst;
    console.log(
      `updateSummary, 10,000 articles: median ${median(writes).toFixed(0)} ms; 20 at once (coalesced): ${burstMs.toFixed(0)} ms`,
    );
    expect(median(writes)).toBeLessThan(250);
    await store.close();
  });

  it('saves one annotation on a 120,000-character article with 1,000 annotations well under 50 ms', async () => {
    const t = await makeTempDir();
    cleanups.push(t.cleanup);
    const store = await openLibraryStore(t.dir);
    await store.addArticle(makeArticle('big', 'Big', 120_000));
    await store.updateState('big', (s) => ({
      ...s,
      annotations: Array.from({ length: 1000 }, (_, i) => makeAnnotation('big', i)),
    }));
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await store.updateState('big', (s) => ({
        ...s,
        annotations: s.annotations.map((a, j) =>
          j === i ? { ...a, body: { ...a.body, color: 'green' as const } } : a,
        ),
      }));
      times.push(performance.now() - start);
    }
    console.log(
      `updateState (1,000 annotations): median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
    );
    expect(median(times)).toBeLessThan(50);
    await store.close();
  });
});
