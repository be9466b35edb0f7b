import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibraryStore } from './library-store';
import { makeAnnotation, makeArticle, makeTempDir } from '../../tests/support/store-test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const FIXED = Date.parse('2026-11-27T01:02:03Z');
const clock = () => new Date(FIXED);
const opts = { clock, backupPolicy: { minIntervalMs: 0 } };

/** The damage a crash, a power cut or another program can do to a JSON file. */
const DAMAGE: Record<string, (good: string) => string | Uint8Array> = {
  'empty (0 bytes)': () => '',
  'NUL-filled': (good) => new Uint8Array(good.length),
  truncated: (good) => good.slice(0, Math.floor(good.length / 2)),
  'trailing garbage': (good) => `${good}}}garbage`,
  'a literal null': () => 'null',
  'whitespace only': () => '  \n ',
  'wrong shape': () => JSON.stringify({ schemaVersion: 1, annotations: 'not a list', note: 3 }),
};

async function libraryWithHistory() {
  const t = await makeTempDir();
  cleanups.push(t.cleanup);
  const store = await openLibraryStore(t.dir, opts);
  await store.addArticle(makeArticle('a1', 'Damaged Essay'));
  await store.addArticle(makeArticle('a2', 'Healthy Essay'));
  await store.updateState('a1', (s) => ({ ...s, annotations: [makeAnnotation('a1', 1)], note: 'v1' }));
  await store.updateState('a1', (s) => ({ ...s, note: 'v2' }));
  await store.updateState('a2', (s) => ({ ...s, note: 'a2 note' }));
  await store.updateSettings({ theme: 'sepia' });
  await store.updateSettings({ fontSize: 22 });
  await store.close();
  return t.dir;
}

describe('a damaged state.json', () => {
  for (const [kind, damage] of Object.entries(DAMAGE)) {
    it(`(${kind}) is moved aside, the newest backup restored, the user told, the rest unaffected`, async () => {
      const dir = await libraryWithHistory();
      const path = join(dir, 'articles/a1/state.json');
      const bad = damage(await readFile(path, 'utf8'));
      await writeFile(path, bad);

      const store = await openLibraryStore(dir, opts);
      expect(store.listSummaries()).toHaveLength(2);
      const state = await store.getState('a1');
      // the backup taken before the last write: the version before it
      expect(state.note).toBe('v1');
      expect(state.annotations).toHaveLength(1);
      const notices = store.takeNotices();
      expect(notices).toHaveLength(1);
      expect(notices[0]!.message).toContain('“Damaged Essay”');
      expect(notices[0]!.message).toContain('state.json.corrupt-20261127-010203');
      expect(notices[0]!.message).toMatch(/backup from 2026-11-27 01:02 UTC was restored/);
      expect((await store.getState('a2')).note).toBe('a2 note');
      await store.flush();

      const names = await readdir(join(dir, 'articles/a1'));
      expect(names).toContain('state.json.corrupt-20261127-010203');
      expect(await readFile(join(dir, 'articles/a1/state.json.corrupt-20261127-010203'))).toEqual(Buffer.from(bad));
      // the restored version is on disk again
      expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ note: 'v1' });
      await store.close();
    });
  }

  it('without a backup: moved aside, empty state in memory, nothing written over the damaged file', async () => {
    const t = await makeTempDir();
    cleanups.push(t.cleanup);
    const store = await openLibraryStore(t.dir, opts);
    await store.addArticle(makeArticle('a1', 'Lonely'));
    await store.close();
    await writeFile(join(t.dir, 'articles/a1/state.json'), 'null');

    const again = await openLibraryStore(t.dir, opts);
    expect(await again.getState('a1')).toEqual({ annotations: [], note: '', position: 0 });
    const [notice] = again.takeNotices();
    expect(notice!.level).toBe('error');
    expect(notice!.message).toMatch(/“Lonely” was damaged .* no backup was available/);
    await again.close();
    expect(await readFile(join(t.dir, 'articles/a1/state.json.corrupt-20261127-010203'), 'utf8')).toBe('null');
  });

  it('skips a damaged backup and restores the one before it', async () => {
    const dir = await libraryWithHistory();
    const backupDir = join(dir, 'backups/articles/a1');
    const names = (await readdir(backupDir)).sort();
    expect(names.length).toBeGreaterThanOrEqual(2);
    await writeFile(join(backupDir, names.at(-1)!), '{"schemaVersion":1,"annot');
    await writeFile(join(dir, 'articles/a1/state.json'), '');
    const store = await openLibraryStore(dir, opts);
    const state = await store.getState('a1');
    expect(state.note).toBe('');
    expect(state.annotations).toEqual([]); // the first version, taken before the v1 write
    expect(store.takeNotices()[0]!.message).toMatch(/was restored/);
    await store.close();
  });
});

describe('a missing file that has backups', () => {
  it('state.json gone (crash between moving it aside and restoring): the backup is restored', async () => {
    const dir = await libraryWithHistory();
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, 'articles/a1/state.json'));
    const store = await openLibraryStore(dir, opts);
    expect((await store.getState('a1')).note).toBe('v1');
    expect(store.takeNotices()[0]!.message).toMatch(
      /annotations of “Damaged Essay” was missing; the backup from .* was restored/,
    );
    await store.close();
    expect(JSON.parse(await readFile(join(dir, 'articles/a1/state.json'), 'utf8'))).toMatchObject({ note: 'v1' });
  });

  it('settings.json deleted: defaults, not a backup (that is how users reset settings)', async () => {
    const dir = await libraryWithHistory();
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, 'settings.json'));
    const store = await openLibraryStore(dir, opts);
    expect(store.getSettings().theme).toBe('light');
    expect(store.takeNotices()).toEqual([]);
    await store.close();
  });
});

describe('a damaged library.json', () => {
  it('is moved aside and restored from its backup', async () => {
    const dir = await libraryWithHistory();
    await writeFile(join(dir, 'library.json'), new Uint8Array(4096));
    const store = await openLibraryStore(dir, opts);
    expect(
      store
        .listSummaries()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['Damaged Essay', 'Healthy Essay']);
    const messages = store.takeNotices().map((n) => n.message);
    expect(messages[0]).toMatch(
      /library index \(library.json\) was damaged \(contains NUL bytes\) and was moved aside as library.json.corrupt-/,
    );
    expect((await readdir(dir)).some((n) => n.startsWith('library.json.corrupt-'))).toBe(true);
    await store.flush();
    // the restored index is what is on disk again, not an empty one
    const onDisk = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { articles: unknown[] };
    expect(onDisk.articles).toHaveLength(2);
    await store.close();
  });

  it('is rebuilt from the article folders when no backup exists', async () => {
    const dir = await libraryWithHistory();
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, 'backups'), { recursive: true });
    await writeFile(join(dir, 'library.json'), '{"schemaVersion":1,"articles":[{"id":');
    const store = await openLibraryStore(dir, opts);
    expect(
      store
        .listSummaries()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['Damaged Essay', 'Healthy Essay']);
    const messages = store
      .takeNotices()
      .map((n) => n.message)
      .join('\n');
    expect(messages).toMatch(/no backup was available/);
    expect(messages).toMatch(/Recovered 2 articles/);
    expect((await store.getState('a1')).note).toBe('v2');
    await store.close();
    // the rebuilt index was written
    const index = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { articles: unknown[] };
    expect(index.articles).toHaveLength(2);
  });
});

describe('other damaged files', () => {
  it('settings.json: defaults are used in memory but never written over the damaged file', async () => {
    const t = await makeTempDir();
    cleanups.push(t.cleanup);
    await writeFile(join(t.dir, 'settings.json'), '{"schemaVersion":1,"settings":{"theme":"neon"}}');
    const store = await openLibraryStore(t.dir, opts);
    expect(store.getSettings().theme).toBe('light');
    expect(store.takeNotices()[0]!.message).toMatch(/reader settings \(settings.json\) was damaged .*settings\.theme/);
    await store.close();
    expect(await readFile(join(t.dir, 'settings.json.corrupt-20261127-010203'), 'utf8')).toContain('neon');
  });

  it('settings.json in a read-only library: left in place, never overwritten', async () => {
    const t = await makeTempDir();
    cleanups.push(t.cleanup);
    await writeFile(join(t.dir, 'settings.json'), 'null');
    const store = await openLibraryStore(t.dir, { ...opts, readOnly: true });
    await store.updateSettings({ theme: 'dark' });
    expect(store.getSettings().theme).toBe('dark');
    expect(
      store
        .takeNotices()
        .map((n) => n.message)
        .join(' '),
    ).toMatch(/left in place untouched/);
    await store.close();
    expect(await readFile(join(t.dir, 'settings.json'), 'utf8')).toBe('null');
  });

  it('content.json without backup: the article stays listed and opening it gives a clear error', async () => {
    const dir = await libraryWithHistory();
    await writeFile(join(dir, 'articles/a1/content.json'), '{"html": "<p>cut off');
    const store = await openLibraryStore(dir, opts);
    expect(store.listSummaries()).toHaveLength(2);
    await expect(store.getContent('a1')).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/“Damaged Essay” is damaged .*re-import/),
    });
    await expect(store.getContent('a1')).rejects.toMatchObject({ code: 'internal' });
    expect(store.takeNotices()).toHaveLength(1);
    expect((await store.getContent('a2')).text.length).toBeGreaterThan(0);
    // replacing the text (update from file) heals the article
    await store.replaceContent('a1', { html: '<p>new</p>', text: 'new', textSha256: 'n' });
    expect((await store.getContent('a1')).text).toBe('new');
    await store.close();
  });

  it('entities.json with a wrong shape is moved aside and its backup restored', async () => {
    const t = await makeTempDir();
    cleanups.push(t.cleanup);
    const store = await openLibraryStore(t.dir, opts);
    const c = (id: string) => ({
      id,
      created: '2026-11-01T00:00:00Z',
      correction: { kind: 'add' as const, name: 'Ada', type: 'person' as const },
    });
    await store.setCorrections([c('1')]);
    await store.setCorrections([c('1'), c('2')]);
    await store.close();
    await writeFile(join(t.dir, 'entities.json'), '{"schemaVersion":1,"corrections":[{"id":"1"}]}');
    const again = await openLibraryStore(t.dir, opts);
    expect(again.getCorrections().map((x) => x.id)).toEqual(['1']);
    expect(again.takeNotices()[0]!.message).toMatch(/entity corrections/);
    await again.close();
  });
});

describe('an index restored from a backup, older than the article files', () => {
  it('is reconciled with every article’s meta.json and state.json, not left behind them', async () => {
    const dir = await libraryWithHistory();
    let store = await openLibraryStore(dir, opts);
    await store.flush(); // the backup holds this version of library.json
    await store.close();
    // Later work, each change reaching the article files; the index is written again at close.
    store = await openLibraryStore(dir, opts);
    await store.updateSummary('a1', { tags: ['later'], title: 'Renamed Essay' });
    await store.updateState('a2', (s) => ({
      ...s,
      annotations: [makeAnnotation('a2', 1), makeAnnotation('a2', 2)],
    }));
    await store.updateSummary('a2', { progress: 0.6 });
    await store.close();
    await writeFile(join(dir, 'library.json'), '{"schemaVersion":1,"articles":[');

    const again = await openLibraryStore(dir, opts);
    expect(again.getSummary('a1')).toMatchObject({ title: 'Renamed Essay', tags: ['later'] });
    expect(again.getSummary('a2')).toMatchObject({ highlightCount: 2, progress: 0.6 });
    const messages = again
      .takeNotices()
      .map((n) => n.message)
      .join('\n');
    expect(messages).toMatch(/backup from .* was restored/);
    expect(messages).toMatch(/2 entries were brought up to date from the articles' own files/);
    await again.close();
    const onDisk = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as {
      articles: { id: string; tags: string[] }[];
    };
    expect(onDisk.articles.find((a) => a.id === 'a1')!.tags).toEqual(['later']);
  });
});

describe('a huge library.json', () => {
  it('(600 MB) is not read into memory but moved aside, and the index rebuilt from the folders', async () => {
    const dir = await libraryWithHistory();
    const { rm, truncate } = await import('node:fs/promises');
    await rm(join(dir, 'backups'), { recursive: true });
    await truncate(join(dir, 'library.json'), 600 * 1024 * 1024); // sparse: costs no disk
    const store = await openLibraryStore(dir, opts);
    expect(
      store
        .listSummaries()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['Damaged Essay', 'Healthy Essay']);
    const messages = store
      .takeNotices()
      .map((n) => n.message)
      .join('\n');
    expect(messages).toMatch(/library.json\) was damaged \(is 600 MB, larger than any such file Gloss writes\)/);
    expect(messages).toMatch(/Recovered 2 articles/);
    await store.close();
  });
});
