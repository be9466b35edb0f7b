// Rolling copies of the files we replace: the few most recent versions plus
// one per day, so a file damaged by a crash or another program can be restored.
import { basename, dirname, join, relative } from 'node:path';
import { constants } from 'node:fs';
import { errorCode, type StoreFs } from './fs-facade';
import { fileStamp, parseFileStamp } from './timestamp';

export interface BackupPolicy {
  /** A file is copied at most this often; state files change on every highlight. */
  minIntervalMs: number;
  keepRecent: number;
  keepDays: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { minIntervalMs: 60_000, keepRecent: 3, keepDays: 7 };

export interface BackupCandidate {
  path: string;
  taken: Date;
  /** Orders copies taken within the same millisecond. */
  seq: number;
}

export class BackupManager {
  private readonly lastTaken = new Map<string, number>();

  constructor(
    private readonly fs: StoreFs,
    private readonly root: string,
    private readonly clock: () => Date,
    private readonly policy: BackupPolicy = DEFAULT_BACKUP_POLICY,
  ) {}

  /** `articles/x/state.json` → `backups/articles/x/`, names `state.json.<stamp>`. */
  private locate(target: string): { dir: string; prefix: string } {
    const rel = relative(this.root, target);
    return { dir: join(this.root, 'backups', dirname(rel)), prefix: `${basename(rel)}.` };
  }

  /** Copies the current file aside unless a copy was taken recently. Never throws. */
  async maybeBackup(target: string, force = false): Promise<void> {
    const now = this.clock();
    const last = this.lastTaken.get(target);
    if (!force && last !== undefined && now.getTime() - last < this.policy.minIntervalMs) return;
    const { dir, prefix } = this.locate(target);
    try {
      await this.fs.mkdir(dir, { recursive: true });
      const stamp = fileStamp(now, true);
      for (let n = 0; n < 100; n++) {
        try {
          // FICLONE makes the copy a cheap reflink where the filesystem allows it.
          await this.fs.copyFile(
            target,
            join(dir, `${prefix}${stamp}${n ? `.${n}` : ''}`),
            constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE,
          );
          break;
        } catch (e) {
          if (errorCode(e) !== 'EEXIST') throw e; // several copies within one millisecond
        }
      }
      this.lastTaken.set(target, now.getTime());
      await this.prune(target, now);
    } catch {
      // A backup is a convenience; the write it precedes reports real disk trouble itself.
    }
  }

  /** Backups of `target`, newest first. */
  async list(target: string): Promise<BackupCandidate[]> {
    const { dir, prefix } = this.locate(target);
    let names: string[];
    try {
      names = await this.fs.readdir(dir);
    } catch {
      return [];
    }
    const out: BackupCandidate[] = [];
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const [stamp = '', seq = '0'] = name.slice(prefix.length).split('.');
      const taken = parseFileStamp(stamp);
      if (taken && /^\d+$/.test(seq)) out.push({ path: join(dir, name), taken, seq: Number(seq) });
    }
    return out.sort((a, b) => b.taken.getTime() - a.taken.getTime() || b.seq - a.seq);
  }

  private async prune(target: string, now: Date): Promise<void> {
    const all = await this.list(target);
    const keep = new Set<string>(all.slice(0, this.policy.keepRecent).map((b) => b.path));
    const days = new Set<string>();
    const oldest = now.getTime() - this.policy.keepDays * 86_400_000;
    for (const b of all) {
      const day = b.taken.toISOString().slice(0, 10);
      if (b.taken.getTime() >= oldest && !days.has(day) && days.size < this.policy.keepDays) {
        days.add(day);
        keep.add(b.path);
      }
    }
    for (const b of all) if (!keep.has(b.path)) await this.fs.unlink(b.path).catch(() => undefined);
  }

  /** Drops all backups of an article (when it is purged from the trash). */
  async removeArticle(id: string): Promise<void> {
    await this.fs.rm(join(this.root, 'backups', 'articles', id), { recursive: true, force: true });
  }
}
