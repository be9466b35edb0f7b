import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFs, type StoreFs } from './fs-facade';
import { openLibraryStore } from './library-store';
import { makeArticle, makeSummary, makeTempDir } from '../../tests/support/store-test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function tempLibrary() {
  const t = await makeTempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/**
 * Every operation that creates or fills a file fails with `fault.code` while `fault.on`
 * (after `fault.after` more such operations have succeeded, when set).
 */
function faultyFs(fault: { on: boolean; code: string; after?: number }): StoreFs {
  const fail = () => {
    if (!fault.on) return;
    if (fault.after !== undefined && fault.after > 0) {
      fault.after -= 1;
      return;
    }
    throw fsError(fault.code);
  };
  return {
    ...nodeFs,
    open: (async (path: string, flags?: string, mode?: number) => {
      if (flags && flags !== 'r') fail();
      return nodeFs.open(path, flags, mode);
    }) as StoreFs['open'],
    copyFile: (async (...args: Parameters<StoreFs['copyFile']>) => {
      fail();
      return nodeFs.copyFile(...args);
    }) as StoreFs['copyFile'],
    mkdir: (async (...args: Parameters<StoreFs['mkdir']>) => {
      fail();
      return nodeFs.mkdir(...args);
    }) as StoreFs['mkdir'],
    rename: (async (...args: Parameters<StoreFs['rename']>) => {
      if (fault.code !== 'ENOSPC') fail();
      return nodeFs.rename(...args);
    }) as StoreFs['rename'],
  };
}

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

describe('disk full (ENOSPC)', () => {
  it('keeps the change in memory, tells the user once, leaves the file intact and saves on a later change', async () => {
    const dir = await tempLibrary();
    const fault = { on: false, code: 'ENOSPC' };
    const store = await openLibraryStore(dir, { fs: faultyFs(fault) });
    await store.addArticle(makeArticle('a1', 'Full Disk'));
    await store.updateState('a1', (s) => ({ ...s, note: 'v1' }));

    fault.on = true;
    await store.updateState('a1', (s) => ({ ...s, note: 'v2' }));
    expect((await store.getState('a1')).note).toBe('v2');
    expect(store.readOnly).toBe(true);
    expect(store.hasUnsavedChanges).toBe(true);
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ level: 'error' });
    expect(notices[0]!.message).toMatch(
      /Could not save the annotations of “Full Disk” \(the disk is full\); the change is kept unsaved/,
    );
    await store.updateState('a1', (s) => ({ ...s, note: 'v3' }));
    await store.updateSettings({ theme: 'dark' });
    expect(store.takeNotices()).toEqual([]); // one notice per episode, no retry loop
    expect(await readJson(join(dir, 'articles/a1/state.json'))).toMatchObject({ note: 'v1' });
    expect(await readdir(join(dir, '.tmp'))).toEqual([]);

    fault.on = false;
    await store.updateSummary('a1', { progress: 0.3 }); // succeeds, then retries the held files
    await store.flush();
    expect(await readJson(join(dir, 'articles/a1/state.json'))).toMatchObject({ note: 'v3' });
    expect(await readJson(join(dir, 'settings.json'))).toMatchObject({ settings: { theme: 'dark' } });
    expect(store.readOnly).toBe(false);
    await store.close();
  });

  for (const after of [0, 2, 4]) {
    it(`an import that meets a full disk (after ${after} of its writes) fails, leaving no entry and no files`, async () => {
      const dir = await tempLibrary();
      const fault = { on: false, code: 'ENOSPC', after: undefined as number | undefined };
      const store = await openLibraryStore(dir, { fs: faultyFs(fault) });
      await store.addArticle(makeArticle('a0', 'Already There'));
      fault.on = true;
      fault.after = after;
      await expect(store.addArticle(makeArticle('a1', 'Imported On Full Disk'))).rejects.toMatchObject({
        code: 'storage_failed',
        message: expect.stringMatching(
          /“Imported On Full Disk” was not imported: .*\(the disk is full\)\. Nothing was added/,
        ),
      });
      expect(store.listSummaries().map((s) => s.id)).toEqual(['a0']);
      expect(store.takeNotices()).toEqual([]); // the failure is the import's answer, not a held change
      expect(store.hasUnsavedChanges).toBe(false);
      expect(await readdir(join(dir, 'articles'))).toEqual(['a0']); // nothing half-written
      expect(await readdir(join(dir, '.tmp'))).toEqual([]);

      fault.on = false;
      await store.close();
      const again = await openLibraryStore(dir);
      expect(again.listSummaries().map((s) => s.id)).toEqual(['a0']);
      expect(again.takeNotices()).toEqual([]);
      await again.addArticle(makeArticle('a1', 'Imported On Full Disk')); // room again: it goes in whole
      expect((await readdir(join(dir, 'articles/a1'))).sort()).toEqual([
        'content.json',
        'meta.json',
        'source.md',
        'state.json',
      ]);
      await again.close();
    });
  }

  it('flush on quit tries once more and never hangs', async () => {
    const dir = await tempLibrary();
    const fault = { on: false, code: 'ENOSPC' };
    const store = await openLibraryStore(dir, { fs: faultyFs(fault) });
    await store.addArticle(makeArticle('a1'));
    fault.on = true;
    await store.updateState('a1', (s) => ({ ...s, note: 'unsaved' }));
    await store.close();
    expect(await readJson(join(dir, 'articles/a1/state.json'))).toMatchObject({ note: '' });
  });
});

describe('a folder that cannot be written (EACCES, read-only)', () => {
  it('a disk already full at open: opens read-only instead of failing', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir, { fs: faultyFs({ on: true, code: 'ENOSPC' }) });
    expect(store.readOnly).toBe(true);
    expect(store.takeNotices()[0]!.message).toMatch(/opened it read-only/);
    await store.close();
  });

  it('opens read-only, serves reads, keeps changes in memory and writes nothing', async () => {
    const dir = await tempLibrary();
    const seed = await openLibraryStore(dir);
    await seed.addArticle(makeArticle('a1', 'Locked Away'));
    await seed.close();
    const before = (await readdir(dir)).sort();

    const store = await openLibraryStore(dir, { fs: faultyFs({ on: true, code: 'EACCES' }) });
    expect(store.readOnly).toBe(true);
    expect(store.takeNotices()[0]!.message).toMatch(/cannot be written, so Gloss opened it read-only/);
    expect(store.listSummaries()).toHaveLength(1);
    await store.updateState('a1', (s) => ({ ...s, note: 'in memory' }));
    expect((await store.getState('a1')).note).toBe('in memory');
    expect(store.takeNotices()).toEqual([]); // already told at open
    await store.close();
    expect((await readdir(dir)).sort()).toEqual(before);
    expect(await readJson(join(dir, 'articles/a1/state.json'))).toMatchObject({ note: '' });
  });

  it('becomes read-only when the folder turns unwritable mid-session', async () => {
    const dir = await tempLibrary();
    const fault = { on: false, code: 'EROFS' };
    const store = await openLibraryStore(dir, { fs: faultyFs(fault) });
    await store.addArticle(makeArticle('a1'));
    fault.on = true;
    await store.updateSettings({ theme: 'sepia' });
    expect(store.readOnly).toBe(true);
    expect(store.takeNotices()[0]!.message).toMatch(/reader settings .*the folder is read-only/);
    await store.updateState('a1', (s) => ({ ...s, note: 'held' }));
    expect(store.takeNotices()).toEqual([]);
    fault.on = false;
    await store.flush(); // one more attempt on quit succeeds
    expect(await readJson(join(dir, 'articles/a1/state.json'))).toMatchObject({ note: 'held' });
    await store.close();
  });

  it('readOnly: true never takes the lock nor writes', async () => {
    const dir = await tempLibrary();
    const seed = await openLibraryStore(dir);
    await seed.addArticle(makeArticle('a1'));
    await seed.close();
    const store = await openLibraryStore(dir, { readOnly: true });
    expect(store.readOnly).toBe(true);
    await expect(readFile(join(dir, '.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
    await store.updateSettings({ theme: 'dark' });
    expect(store.getSettings().theme).toBe('dark');
    expect(store.takeNotices()[0]!.message).toMatch(/open read-only.*kept unsaved in memory/);
    await store.close();
    await expect(readFile(join(dir, 'settings.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the lock file', () => {
  it('refuses a library held by a live process', async () => {
    const dir = await tempLibrary();
    await writeFile(
      join(dir, '.lock'),
      JSON.stringify({ pid: process.ppid, started: '2026-11-27T00:00:00Z', host: hostname() }),
    );
    await expect(openLibraryStore(dir)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(
        new RegExp(
          `is open in another Gloss process \\(pid ${process.ppid}, since 2026-11-27 00:00 UTC\\).*gloss -- unlock`,
        ),
      ),
    });
  });

  it('takes over a lock whose process is gone, and releases it on close', async () => {
    const dir = await tempLibrary();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    await writeFile(
      join(dir, '.lock'),
      JSON.stringify({ pid: dead, started: '2026-11-26T00:00:00Z', host: hostname() }),
    );
    const store = await openLibraryStore(dir);
    expect(await readJson(join(dir, '.lock'))).toMatchObject({ pid: process.pid });
    await store.close();
    await expect(readFile(join(dir, '.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes over a torn lock file', async () => {
    const dir = await tempLibrary();
    await writeFile(join(dir, '.lock'), '');
    const store = await openLibraryStore(dir);
    await store.close();
  });

  it('refuses a second store on the same folder in one process until the first closes', async () => {
    const dir = await tempLibrary();
    const first = await openLibraryStore(dir);
    await expect(openLibraryStore(dir)).rejects.toMatchObject({ code: 'conflict' });
    await first.close();
    const second = await openLibraryStore(dir);
    await second.close();
  });
});

describe('files changed by another program', () => {
  it('does not overwrite a changed state file: ours stays in memory, the user is told', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir);
    await store.addArticle(makeArticle('a1', 'Synced'));
    await store.getState('a1');
    const external = { schemaVersion: 1, annotations: [], note: 'from the sync tool', position: 7 };
    await writeFile(join(dir, 'articles/a1/state.json'), JSON.stringify(external));
    await store.updateState('a1', (s) => ({ ...s, note: 'ours' }));
    expect((await store.getState('a1')).note).toBe('ours');
    const [notice] = store.takeNotices();
    expect(notice!.message).toMatch(/annotations of “Synced” was changed by another program .*did not overwrite it/);
    expect(store.hasUnsavedChanges).toBe(true);
    await store.close();
    expect(await readJson(join(dir, 'articles/a1/state.json'))).toEqual(external);
  });

  it('merges an externally changed index with our own changes', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir);
    await store.addArticle(makeArticle('a1'));
    await store.addArticle(makeArticle('a2'));
    await store.flush(); // library.json is written lazily: bring it up to date
    const index = await readJson(join(dir, 'library.json'));
    const articles = index.articles as { id: string; title: string }[];
    articles.push(makeSummary('ext', 'Added elsewhere'));
    articles[1]!.title = 'Renamed elsewhere';
    await new Promise((r) => setTimeout(r, 10));
    await writeFile(join(dir, 'library.json'), JSON.stringify(index));

    await store.updateSummary('a1', { progress: 0.9 });
    await store.flush();
    expect(store.takeNotices()[0]!.message).toMatch(/changed by another program; Gloss merged/);
    expect(store.listSummaries().map((s) => s.title)).toEqual(['Article a1', 'Renamed elsewhere', 'Added elsewhere']);
    const onDisk = await readJson(join(dir, 'library.json'));
    expect((onDisk.articles as { id: string; progress: number }[]).map((a) => [a.id, a.progress])).toEqual([
      ['a1', 0.9],
      ['a2', 0],
      ['ext', 0],
    ]);
    expect(store.hasUnsavedChanges).toBe(false);
    await store.close();
  });
});

describe('the library folder lost while open', () => {
  it(
    'deleted: Gloss stops writing there, says so, and saves the held changes to a rescue folder at quit',
    { timeout: 10_000 },
    async () => {
      const dir = await tempLibrary();
      const store = await openLibraryStore(dir, { clock: () => new Date('2026-11-27T01:02:03Z') });
      await store.addArticle(makeArticle('a1', 'Kept Anyway'));
      await store.getContent('a1');
      const { rm } = await import('node:fs/promises');
      await rm(dir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 2300)); // the watch looks every 2 s
      await store.updateState('a1', (s) => ({ ...s, note: 'written after the folder went' }));
      const [notice] = store.takeNotices();
      expect(notice!.level).toBe('error');
      expect(notice!.message).toMatch(/stopped saving .*was deleted or moved.*rescue folder/);
      expect(store.readOnly).toBe(true);
      await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' }); // not recreated half-way
      await store.close();
      const rescued = `${dir}.rescued-20261127-010203`;
      cleanups.push(() => rm(rescued, { recursive: true, force: true }));
      const again = await openLibraryStore(rescued);
      expect(again.listSummaries().map((s) => s.title)).toEqual(['Kept Anyway']);
      expect((await again.getState('a1')).note).toBe('written after the folder went');
      expect((await again.getContent('a1')).text).toBe(makeArticle('a1').content.text);
      await again.close();
    },
  );

  it('lock taken by another process: Gloss stops writing beside it and says who holds it', async () => {
    const dir = await tempLibrary();
    const store = await openLibraryStore(dir, { clock: () => new Date('2026-11-27T01:02:03Z') });
    const { rm } = await import('node:fs/promises');
    cleanups.push(() => rm(`${dir}.rescued-20261127-010203`, { recursive: true, force: true }));
    await store.addArticle(makeArticle('a1'));
    await writeFile(
      join(dir, '.lock'),
      JSON.stringify({ pid: process.ppid, started: '2026-11-27T00:00:00Z', host: hostname(), token: 'theirs' }),
    );
    await new Promise((r) => setTimeout(r, 2300));
    await store.updateState('a1', (s) => ({ ...s, note: 'ours' }));
    expect(store.takeNotices()[0]!.message).toMatch(
      new RegExp(`another process took its lock \\(pid ${process.ppid}, since 2026-11-27 00:00 UTC\\)`),
    );
    expect(await readJson(join(dir, 'articles/a1/state.json'))).toMatchObject({ note: '' });
    await store.close();
    expect(await readJson(join(dir, '.lock'))).toMatchObject({ token: 'theirs' }); // their lock, left alone
  }, 10_000);
});

describe('a stale lock', () => {
  it('naming a live but unrelated process (its pid reused) is taken over', async () => {
    const dir = await tempLibrary();
    // The parent process is alive, but it did not start when the lock says its owner did.
    await writeFile(
      join(dir, '.lock'),
      JSON.stringify({
        pid: process.ppid,
        started: '2026-11-27T00:00:00Z',
        host: hostname(),
        token: 'old',
        processStart: '1',
      }),
    );
    const store = await openLibraryStore(dir);
    expect(await readJson(join(dir, '.lock'))).toMatchObject({ pid: process.pid });
    await store.close();
  });
});
