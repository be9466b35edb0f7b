import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_CHECKS, SCHEMA_VERSION, type FileKind } from './file-schemas';
import { openLibraryStore } from './library-store';
import { migrate, MIGRATIONS, NewerVersionError } from './migrations';
import { makeAnnotation, makeSummary, makeTempDir } from '../../tests/support/store-test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('migration table', () => {
  it('has a step from every version below the current one, for every file kind', () => {
    for (const kind of Object.keys(MIGRATIONS) as FileKind[]) {
      for (let v = 0; v < SCHEMA_VERSION; v++) expect(MIGRATIONS[kind][v], `${kind} v${v}`).toBeTypeOf('function');
    }
  });

  it('upgrades v0 files of each kind to valid current files', () => {
    const summary = makeSummary('a1');
    const v0: Record<FileKind, unknown> = {
      index: { articles: [summary] },
      content: { html: '<p>x</p>', text: 'x', textSha256: 'h' },
      state: { annotations: [makeAnnotation('a1', 1)], note: 'n' },
      meta: { summary },
      settings: { theme: 'dark' },
      entities: [{ id: 'c', created: '2026-01-01', correction: { kind: 'hide', key: 'person:x' } }],
    };
    for (const kind of Object.keys(v0) as FileKind[]) {
      const { data, fromVersion } = migrate(kind, v0[kind]);
      expect(fromVersion).toBe(0);
      expect(FILE_CHECKS[kind](data), kind).toBeNull();
    }
  });

  it('files v1 articles in the inbox, counting one with reading progress as opened', () => {
    const v1 = ({ shelf: _s, favorite: _f, opened: _o, ...rest }: ReturnType<typeof makeSummary>) => rest;
    const read = { ...v1(makeSummary('r')), progress: 0.4 };
    const unread = v1(makeSummary('u'));
    const { data } = migrate('index', {
      schemaVersion: 1,
      articles: [read, unread],
      trash: [{ summary: unread, trashedAt: 'x' }],
    });
    expect(FILE_CHECKS.index(data)).toBeNull();
    const { articles, trash } = data as { articles: unknown[]; trash: { summary: unknown }[] };
    expect(articles).toEqual([
      { ...read, shelf: 'inbox', favorite: false, opened: read.added },
      { ...unread, shelf: 'inbox', favorite: false, opened: null },
    ]);
    expect(trash[0]?.summary).toMatchObject({ shelf: 'inbox', opened: null });
    const meta = migrate('meta', { schemaVersion: 1, summary: read, trashedAt: null }).data;
    expect(FILE_CHECKS.meta(meta)).toBeNull();
  });

  it('refuses files from a newer Gloss', () => {
    expect(() => migrate('state', { schemaVersion: SCHEMA_VERSION + 1 })).toThrow(NewerVersionError);
  });
});

describe('opening a v0 library', () => {
  it('upgrades every file, keeping a pre-migration backup of each', async () => {
    const t = await makeTempDir();
    cleanups.push(t.cleanup);
    const dir = t.dir;
    const summary = makeSummary('old1', 'Prototype Article');
    const v0Index = JSON.stringify({ articles: [summary] });
    await writeFile(join(dir, 'library.json'), v0Index);
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'sepia', fontSize: 24 }));
    await writeFile(join(dir, 'entities.json'), '[]');
    await mkdir(join(dir, 'articles/old1'), { recursive: true });
    await writeFile(
      join(dir, 'articles/old1/content.json'),
      JSON.stringify({ html: '<p>hi</p>', text: 'hi', textSha256: 'h' }),
    );
    await writeFile(join(dir, 'articles/old1/state.json'), JSON.stringify({ annotations: [], note: 'from v0' }));

    const store = await openLibraryStore(dir);
    expect(store.listSummaries()).toEqual([summary]);
    expect(store.getSettings()).toMatchObject({ theme: 'sepia', fontSize: 24, font: 'serif', lastColor: 'yellow' });
    expect(await store.getState('old1')).toEqual({ annotations: [], note: 'from v0', position: 0 });
    expect((await store.getContent('old1')).text).toBe('hi');
    expect(store.takeNotices()).toEqual([]);
    await store.close();

    for (const f of ['library.json', 'settings.json', 'entities.json', 'articles/old1/state.json']) {
      const json = JSON.parse(await readFile(join(dir, f), 'utf8')) as { schemaVersion: number };
      expect(json.schemaVersion, f).toBe(SCHEMA_VERSION);
    }
    const backups = await readdir(join(dir, 'backups'));
    const indexBackup = backups.find((n) => n.startsWith('library.json.'));
    expect(await readFile(join(dir, 'backups', indexBackup!), 'utf8')).toBe(v0Index);
    expect((await readdir(join(dir, 'backups/articles/old1'))).some((n) => n.startsWith('state.json.'))).toBe(true);
  });

  it('refuses a library written by a newer Gloss without touching it', async () => {
    const t = await makeTempDir();
    cleanups.push(t.cleanup);
    const newer = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, articles: [], trash: [], shelves: [] });
    await writeFile(join(t.dir, 'library.json'), newer);
    await expect(openLibraryStore(t.dir)).rejects.toMatchObject({ code: 'unsupported_file' });
    expect(await readFile(join(t.dir, 'library.json'), 'utf8')).toBe(newer);
    // the lock was released: a later open fails the same way, not with a conflict
    await expect(openLibraryStore(t.dir)).rejects.toMatchObject({ code: 'unsupported_file' });
  });
});
