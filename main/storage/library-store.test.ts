import { readFile, stat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibraryStore } from './library-store';
import { SCHEMA_VERSION } from './file-schemas';
import { makeAnnotation, makeArticle, makeTempDir } from '../../tests/support/store-test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function tempLibrary() {
  const t = await makeTempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('library store: round trip', () => {
  it('stores articles, state, settings and corrections and reads them back after reopening', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir);
    expect(store.getSettings()).toEqual({
      theme: 'light',
      font: 'serif',
      fontSize: 19,
      lineHeight: 1.6,
      librarySort: 'added',
      lastColor: 'yellow',
    });
    await store.addArticle(makeArticle('a1', 'First'));
    await store.addArticle(makeArticle('a2', 'Second'));
    await store.updateState('a1', (s) => ({
      ...s,
      annotations: [makeAnnotation('a1', 1)],
      note: 'my note',
      position: 42,
    }));
    await store.updateSummary('a1', { highlightCount: 1, progress: 0.5, tags: ['x', 'y'] });
    await store.updateSettings({ theme: 'dark', fontSize: 21 });
    const correction = {
      id: 'c1',
      created: '2026-11-02T00:00:00.000Z',
      correction: { kind: 'hide' as const, key: 'person:x' },
    };
    await store.setCorrections([correction]);
    await store.close();

    const again = await openLibraryStore(dir);
    expect(again.listSummaries().map((s) => s.id)).toEqual(['a1', 'a2']);
    expect(again.getSummary('a1')).toMatchObject({
      title: 'First',
      highlightCount: 1,
      progress: 0.5,
      tags: ['x', 'y'],
    });
    expect(again.findBySourceSha256('sha-a2')?.id).toBe('a2');
    const state = await again.getState('a1');
    expect(state).toEqual({ annotations: [makeAnnotation('a1', 1)], note: 'my note', position: 42 });
    expect(await again.getState('a2')).toEqual({ annotations: [], note: '', position: 0 });
    const content = await again.getContent('a1');
    expect(content.text).toBe(makeArticle('a1').content.text);
    const source = await again.readSource('a1');
    expect(source.ext).toBe('md');
    expect(new TextDecoder().decode(source.bytes)).toContain('# First');
    expect(again.getSettings()).toMatchObject({ theme: 'dark', fontSize: 21 });
    expect(again.getCorrections()).toEqual([correction]);
    expect(again.takeNotices()).toEqual([]);
    expect(again.readOnly).toBe(false);
    await again.close();
  });

  it('writes schemaVersion into every file and keeps the summary beside the article', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir);
    await store.addArticle(makeArticle('a1'));
    await store.updateSettings({ font: 'sans' });
    await store.setCorrections([]);
    await store.close();
    for (const f of [
      'library.json',
      'settings.json',
      'entities.json',
      'articles/a1/content.json',
      'articles/a1/state.json',
      'articles/a1/meta.json',
    ]) {
      const json = JSON.parse(await readFile(join(dir, f), 'utf8')) as { schemaVersion: number };
      expect(json.schemaVersion, f).toBe(SCHEMA_VERSION);
    }
    const meta = JSON.parse(await readFile(join(dir, 'articles/a1/meta.json'), 'utf8')) as { summary: { id: string } };
    expect(meta.summary.id).toBe('a1');
  });

  it('hands out copies, so callers cannot change the stored data by mutation', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir);
    await store.addArticle(makeArticle('a1'));
    store.listSummaries()[0]!.tags.push('mutated');
    (await store.getState('a1')).annotations.push(makeAnnotation('a1', 9));
    await expect(
      store.updateState('a1', (s) => {
        s.note = 'half-done';
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(store.getSummary('a1')!.tags).toEqual(['test']);
    expect(await store.getState('a1')).toEqual({ annotations: [], note: '', position: 0 });
    await store.close();
  });

  it('rejects unknown ids, bad ids, duplicate ids and invalid data with AppErrors', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir);
    await store.addArticle(makeArticle('a1'));
    await expect(store.getState('nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.getContent('../etc')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(store.addArticle(makeArticle('a1'))).rejects.toMatchObject({ code: 'conflict' });
    const twice = await Promise.allSettled([store.addArticle(makeArticle('b1')), store.addArticle(makeArticle('b1'))]);
    expect(twice.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    await expect(store.updateSettings({ fontSize: Number.NaN })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(store.updateSummary('a1', { title: 5 as unknown as string })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(store.updateState('a1', (s) => ({ ...s, position: 'x' as unknown as number }))).rejects.toMatchObject({
      code: 'internal',
    });
    await store.close();
    await expect(store.updateSettings({ theme: 'dark' })).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('library store: per-article writes', () => {
  it('writing one article state never rewrites another article or the index', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir);
    await store.addArticle(makeArticle('a1'));
    await store.addArticle(makeArticle('a2'));
    const watched = [
      'library.json',
      'articles/a2/state.json',
      'articles/a2/content.json',
      'articles/a2/meta.json',
      'articles/a1/content.json',
    ];
    const before = await Promise.all(watched.map((f) => stat(join(dir, f))));
    await new Promise((r) => setTimeout(r, 15));
    await store.updateState('a1', (s) => ({ ...s, note: 'changed' }));
    const after = await Promise.all(watched.map((f) => stat(join(dir, f))));
    after.forEach((st, i) => {
      expect(st.ino, watched[i]).toBe(before[i]!.ino);
      expect(st.mtimeMs, watched[i]).toBe(before[i]!.mtimeMs);
    });
    const a1 = JSON.parse(await readFile(join(dir, 'articles/a1/state.json'), 'utf8')) as { note: string };
    expect(a1.note).toBe('changed');
    await store.close();
  });

  it('applies concurrent updates to one article in order and coalesces the writes', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir);
    await store.addArticle(makeArticle('a1'));
    const all = Array.from({ length: 50 }, (_, i) =>
      store.updateState('a1', (s) => ({ ...s, annotations: [...s.annotations, makeAnnotation('a1', i)] })),
    );
    const results = await Promise.all(all);
    expect(results[49]!.annotations).toHaveLength(50);
    const onDisk = JSON.parse(await readFile(join(dir, 'articles/a1/state.json'), 'utf8')) as {
      annotations: unknown[];
    };
    expect(onDisk.annotations).toHaveLength(50);
    await store.close();
  });

  it('keeps rolling backups bounded', async () => {
    const dir = await tempLibrary();
    let now = Date.parse('2026-11-20T08:00:00Z');
    const store = await openLibraryStore(dir, { clock: () => new Date(now), backupPolicy: { minIntervalMs: 0 } });
    await store.addArticle(makeArticle('a1'));
    for (let i = 0; i < 40; i++) {
      now += 3 * 3_600_000; // three hours apart: spans five days
      await store.updateState('a1', (s) => ({ ...s, note: `v${i}` }));
    }
    await store.close();
    const names = await readdir(join(dir, 'backups/articles/a1'));
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names.length).toBeLessThanOrEqual(3 + 7);
    // the newest backup holds the version before the last one
    const newest = names.sort().at(-1)!;
    const json = JSON.parse(await readFile(join(dir, 'backups/articles/a1', newest), 'utf8')) as { note: string };
    expect(json.note).toBe('v38');
  });
});

describe('library store: trash', () => {
  it('moves articles to the trash and back, keeping their files', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir);
    await store.addArticle(makeArticle('a1'));
    await store.updateState('a1', (s) => ({ ...s, note: 'keep me' }));
    await store.trashArticle('a1');
    expect(store.listSummaries()).toEqual([]);
    expect(store.getSummary('a1')).toBeUndefined();
    await store.close();

    const again = await openLibraryStore(dir);
    expect(again.listSummaries()).toEqual([]);
    const restored = await again.restoreArticle('a1');
    expect(restored.id).toBe('a1');
    expect(again.listSummaries().map((s) => s.id)).toEqual(['a1']);
    expect((await again.getState('a1')).note).toBe('keep me');
    await expect(again.restoreArticle('zzz')).rejects.toMatchObject({ code: 'not_found' });
    await again.close();
  });

  it('purges articles trashed more than 30 days ago when the library opens', async () => {
    const dir = await tempLibrary();
    let now = Date.parse('2026-10-01T00:00:00Z');
    const clock = () => new Date(now);
    const store = await openLibraryStore(dir, { clock });
    await store.addArticle(makeArticle('old'));
    await store.addArticle(makeArticle('recent'));
    await store.trashArticle('old');
    now += 20 * 86_400_000;
    await store.trashArticle('recent');
    await store.close();

    now += 15 * 86_400_000; // old: 35 days in the trash, recent: 15
    const again = await openLibraryStore(dir, { clock });
    await again.flush();
    await expect(stat(join(dir, 'articles/old'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(again.restoreArticle('old')).rejects.toMatchObject({ code: 'not_found' });
    expect((await again.restoreArticle('recent')).id).toBe('recent');
    await again.close();
  });
});

describe('library store: recovery of the index from article folders', () => {
  it('re-lists an article whose import stopped before the index write', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir);
    await store.addArticle(makeArticle('a1', 'Listed'));
    await store.addArticle(makeArticle('a2', 'Orphan'));
    await store.close();
    // simulate the crash: an index that never heard of a2
    const index = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { articles: { id: string }[] };
    index.articles = index.articles.filter((a) => a.id !== 'a2');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'library.json'), JSON.stringify(index));

    const again = await openLibraryStore(dir);
    expect(
      again
        .listSummaries()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['Listed', 'Orphan']);
    expect(
      again
        .takeNotices()
        .map((n) => n.message)
        .join(' '),
    ).toMatch(/Recovered 1 article/);
    await again.close();
  });
});
