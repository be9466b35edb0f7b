import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupManager } from './backups';
import { nodeFs } from './fs-facade';
import { makeTempDir } from '../../tests/support/store-test-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('BackupManager', () => {
  it('keeps the three newest copies plus the newest of each of the last seven days', async () => {
    const t = await makeTempDir();
    cleanups.push(t.cleanup);
    let now = Date.parse('2026-11-01T12:00:00Z');
    const backups = new BackupManager(nodeFs, t.dir, () => new Date(now), {
      minIntervalMs: 0,
      keepRecent: 3,
      keepDays: 7,
    });
    const target = join(t.dir, 'library.json');
    for (let day = 0; day < 12; day++) {
      for (let k = 0; k < 4; k++) {
        await writeFile(target, `{"day":${day},"k":${k}}`);
        await backups.maybeBackup(target);
        now += 2 * 3_600_000;
      }
      now += 16 * 3_600_000;
    }
    const kept = await backups.list(target);
    const days = new Set(kept.map((b) => b.taken.toISOString().slice(0, 10)));
    expect(kept.length).toBeLessThanOrEqual(3 + 7);
    expect(days.size).toBe(7);
    expect(kept[0]!.taken.getTime()).toBeGreaterThan(kept[1]!.taken.getTime());
    expect((await readdir(join(t.dir, 'backups'))).length).toBe(kept.length);
  });

  it('copies a file at most once per interval unless forced', async () => {
    const t = await makeTempDir();
    cleanups.push(t.cleanup);
    let now = Date.parse('2026-11-01T12:00:00Z');
    const backups = new BackupManager(nodeFs, t.dir, () => new Date(now), {
      minIntervalMs: 60_000,
      keepRecent: 3,
      keepDays: 7,
    });
    const target = join(t.dir, 'settings.json');
    await writeFile(target, '{}');
    await backups.maybeBackup(target);
    now += 1000;
    await backups.maybeBackup(target);
    expect(await backups.list(target)).toHaveLength(1);
    await backups.maybeBackup(target, true);
    expect(await backups.list(target)).toHaveLength(2);
    now += 60_000;
    await backups.maybeBackup(target);
    expect(await backups.list(target)).toHaveLength(3);
  });
});
