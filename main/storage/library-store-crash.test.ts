// A crash between any two writes of every change that touches several files:
// the file operations stop dead after the k-th write (as SIGKILL would stop
// them), for every k until the change completes, and the library reopened
// afterwards must hold the change wholly or not at all.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFs, type StoreFs } from './fs-facade';
import { openLibraryStore, type FileLibraryStore } from './library-store';
import { makeAnnotation, makeArticle, makeTempDir } from '../../tests/support/store-test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

class Crash extends Error {}

/** File operations that all fail from the `budget`-th write after `arm()` on, as if the process had been killed there. */
function dyingFs(budget: number): StoreFs & { crashed: () => boolean; arm: () => void } {
  let left = budget;
  let dead = false;
  let armed = false;
  const gate = (writes: boolean) => {
    if (dead) throw new Crash('killed');
    if (!writes || !armed) return;
    if (left === 0) {
      dead = true;
      throw new Crash('killed');
    }
    left -= 1;
  };
  const wrap = <K extends keyof StoreFs>(name: K, writes: (...args: Parameters<StoreFs[K]>) => boolean) =>
    (async (...args: Parameters<StoreFs[K]>) => {
      gate(writes(...args));
      return (nodeFs[name] as (...a: unknown[]) => unknown)(...args);
    }) as unknown as StoreFs[K];
  return {
    open: wrap('open', (_p, flags) => flags !== undefined && flags !== 'r' && flags !== 0),
    readFile: wrap('readFile', () => false),
    rename: wrap('rename', () => true),
    stat: wrap('stat', () => false),
    readdir: wrap('readdir', () => false),
    mkdir: wrap('mkdir', () => true),
    unlink: wrap('unlink', () => true),
    rm: wrap('rm', () => true),
    copyFile: wrap('copyFile', () => true),
    crashed: () => dead,
    arm: () => (armed = true),
  };
}

interface Scenario {
  name: string;
  /** Builds the library before the change (with the real file system). */
  seed: (store: FileLibraryStore) => Promise<void>;
  change: (store: FileLibraryStore) => Promise<unknown>;
  /** Checks the reopened library: the change is there wholly, or not at all. Returns which. */
  check: (store: FileLibraryStore, dir: string) => Promise<'before' | 'after'>;
}

const OLD_TEXT = makeArticle('u1', 'Updated').content.text;
const NEW_TEXT = `A new first paragraph. ${OLD_TEXT}`;

const scenarios: Scenario[] = [
  {
    name: 'creating a highlight (state.json, then the highlight count in the index)',
    seed: async (store) => {
      await store.addArticle(makeArticle('h1', 'Highlighted'));
      await store.updateState('h1', (s) => ({ ...s, annotations: [makeAnnotation('h1', 1)] }));
      await store.flush();
    },
    change: (store) =>
      store.updateState('h1', (s) => ({ ...s, annotations: [...s.annotations, makeAnnotation('h1', 2)] })),
    check: async (store) => {
      const count = (await store.getState('h1')).annotations.length;
      expect(store.getSummary('h1')!.highlightCount).toBe(count);
      return count === 2 ? 'after' : 'before';
    },
  },
  {
    name: 'deleting a highlight',
    seed: async (store) => {
      await store.addArticle(makeArticle('h1', 'Highlighted'));
      await store.updateState('h1', (s) => ({ ...s, annotations: [makeAnnotation('h1', 1), makeAnnotation('h1', 2)] }));
      await store.flush();
    },
    change: (store) => store.updateState('h1', (s) => ({ ...s, annotations: s.annotations.slice(1) })),
    check: async (store) => {
      const count = (await store.getState('h1')).annotations.length;
      expect(store.getSummary('h1')!.highlightCount).toBe(count);
      return count === 1 ? 'after' : 'before';
    },
  },
  {
    name: 'importing an article (source, content, state, meta, index)',
    seed: async (store) => {
      await store.addArticle(makeArticle('a0', 'Already There'));
    },
    change: (store) => store.addArticle(makeArticle('n1', 'New One')),
    check: async (store, dir) => {
      const names = await readdir(join(dir, 'articles'));
      if (!store.getSummary('n1')) {
        expect(names).toEqual(['a0']);
        return 'before';
      }
      expect((await readdir(join(dir, 'articles/n1'))).sort()).toEqual([
        'content.json',
        'meta.json',
        'source.md',
        'state.json',
      ]);
      expect((await store.getContent('n1')).text).toBe(makeArticle('n1').content.text);
      return 'after';
    },
  },
  {
    name: 'Update from file (text, source, re-anchored annotations, details)',
    seed: async (store) => {
      await store.addArticle(makeArticle('u1', 'Updated'));
      await store.updateState('u1', (s) => ({ ...s, annotations: [makeAnnotation('u1', 1)], position: 30 }));
    },
    change: (store) =>
      store.updateText('u1', {
        content: { html: `<p>${NEW_TEXT}</p>`, text: NEW_TEXT, textSha256: 'new-sha' },
        source: { bytes: new TextEncoder().encode(NEW_TEXT), ext: 'txt' },
        state: (s) => ({
          ...s,
          annotations: [...s.annotations, makeAnnotation('u1', 2)],
          position: s.position + 23,
        }),
        summary: { wordCount: 999, sourceSha256: 'new-source' },
      }),
    check: async (store, dir) => {
      const { text } = await store.getContent('u1');
      const state = await store.getState('u1');
      const summary = store.getSummary('u1')!;
      const files = (await readdir(join(dir, 'articles/u1'))).filter((n) => n.startsWith('source.'));
      const after = text === NEW_TEXT;
      // Everything from one version: never the new text with the old annotations, or the other way round.
      expect(state.annotations.length).toBe(after ? 2 : 1);
      expect(state.position).toBe(after ? 53 : 30);
      expect(summary.wordCount).toBe(after ? 999 : 1200);
      expect(summary.highlightCount).toBe(state.annotations.length);
      expect(files).toEqual([after ? 'source.txt' : 'source.md']);
      if (!after) expect(text).toBe(OLD_TEXT);
      return after ? 'after' : 'before';
    },
  },
  {
    name: 'changing details and progress together (meta.json and state.json)',
    seed: async (store) => {
      await store.addArticle(makeArticle('m1', 'Details'));
    },
    change: (store) => store.updateSummary('m1', { tags: ['new-tag'], progress: 0.75 }),
    check: async (store) => {
      const s = store.getSummary('m1')!;
      const after = s.tags.includes('new-tag');
      expect(s.progress).toBe(after ? 0.75 : 0);
      return after ? 'after' : 'before';
    },
  },
  {
    name: 'moving an article to the trash (meta.json, then the index)',
    seed: async (store) => {
      await store.addArticle(makeArticle('t1', 'Trashed'));
      await store.flush();
    },
    change: (store) => store.trashArticle('t1'),
    check: async (store) => (store.getSummary('t1') ? 'before' : 'after'),
  },
];

describe('a crash between the writes of a multi-file change', () => {
  for (const scenario of scenarios) {
    it(`${scenario.name}: after a crash at every step, wholly there or not at all`, async () => {
      const outcomes: string[] = [];
      for (let budget = 0; budget < 60; budget++) {
        const t = await makeTempDir('gloss-crash-');
        cleanups.push(t.cleanup);
        const seed = await openLibraryStore(t.dir);
        await scenario.seed(seed);
        await seed.close();

        const fs = dyingFs(budget);
        const store = await openLibraryStore(t.dir, { fs });
        await store.flush();
        fs.arm();
        let finished = false;
        try {
          await scenario.change(store);
          await store.flush();
          finished = !fs.crashed();
        } catch (e) {
          if (!fs.crashed()) throw e;
        }
        await store.close().catch(() => undefined); // frees the lock in this process; the files stay as killed

        const again = await openLibraryStore(t.dir);
        const bad = again.takeNotices().filter((n) => n.level !== 'info');
        expect(bad, `no damage after a crash at write ${budget}`).toEqual([]);
        const outcome = await scenario.check(again, t.dir);
        outcomes.push(outcome);
        if (finished) expect(outcome, 'a change acknowledged before the crash is kept').toBe('after');
        await again.close();
        // the reopened library is also consistent on disk: every JSON file parses
        for (const name of await readdir(join(t.dir, 'articles'))) {
          for (const f of ['meta.json', 'state.json', 'content.json']) {
            JSON.parse(await readFile(join(t.dir, 'articles', name, f), 'utf8'));
          }
        }
        if (finished) break;
      }
      expect(outcomes.at(-1)).toBe('after');
      expect(outcomes.length, 'the change takes several writes').toBeGreaterThan(1);
    }, 60_000);
  }
});
