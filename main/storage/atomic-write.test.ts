import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';
import { nodeFs, type StoreFs } from './fs-facade';
import { quarantineFile } from './quarantine';
import { makeTempDir } from '../../tests/support/store-test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup() {
  const t = await makeTempDir();
  cleanups.push(t.cleanup);
  const tmp = join(t.dir, '.tmp');
  await mkdir(tmp);
  return { dir: t.dir, tmp };
}

describe('writeFileAtomic', () => {
  it('gives concurrent writes to one file their own temp files and leaves none behind', async () => {
    const { dir, tmp } = await setup();
    const target = join(dir, 'x.json');
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFileAtomic(nodeFs, tmp, target, `{"n":${i}}`)));
    expect(JSON.parse(await readFile(target, 'utf8'))).toHaveProperty('n');
    expect(await readdir(tmp)).toEqual([]);
  });

  it('leaves the target intact and removes its temp file when the write fails', async () => {
    const { dir, tmp } = await setup();
    const target = join(dir, 'x.json');
    await writeFile(target, '{"old":true}');
    const failing: StoreFs = {
      ...nodeFs,
      open: (async (path: string, flags?: string, mode?: number) => {
        const fh = await nodeFs.open(path, flags, mode);
        if (flags === 'wx') {
          return Object.assign(Object.create(Object.getPrototypeOf(fh) as object) as object, fh, {
            writeFile: async () => {
              throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
            },
            close: () => fh.close(),
            sync: () => fh.sync(),
            stat: () => fh.stat(),
          });
        }
        return fh;
      }) as StoreFs['open'],
    };
    await expect(writeFileAtomic(failing, tmp, target, '{"new":true}')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(target, 'utf8')).toBe('{"old":true}');
    expect(await readdir(tmp)).toEqual([]);
  });

  it('recreates a missing parent folder', async () => {
    const { dir, tmp } = await setup();
    const target = join(dir, 'articles', 'gone', 'state.json');
    await writeFileAtomic(nodeFs, tmp, target, '{}');
    expect(await readFile(target, 'utf8')).toBe('{}');
  });
});

describe('quarantineFile', () => {
  it('moves a file aside under a timestamped name that never collides', async () => {
    const { dir } = await setup();
    const now = new Date('2026-11-27T01:02:03Z');
    const path = join(dir, 'state.json');
    await writeFile(path, 'bad 1');
    expect(await quarantineFile(nodeFs, path, now)).toBe('state.json.corrupt-20261127-010203');
    await writeFile(path, 'bad 2');
    expect(await quarantineFile(nodeFs, path, now)).toBe('state.json.corrupt-20261127-010203-2');
    expect(await readFile(join(dir, 'state.json.corrupt-20261127-010203'), 'utf8')).toBe('bad 1');
  });
});
