// What every part of an open library shares: its folders, file operations,
// clock, backups, write status, and the background work that flush waits for.
import { join, resolve } from 'node:path';
import { AppError } from '../model/errors';
import type { AtomicJsonFileEnv } from './atomic-json-file';
import { BackupManager, DEFAULT_BACKUP_POLICY, type BackupPolicy } from './backups';
import type { LoadResult, RecoveryContext } from './file-recovery';
import { nodeFs, type StoreFs } from './fs-facade';
import { StoreStatus } from './store-status';
import { fileStamp } from './timestamp';

export interface OpenLibraryStoreOptions {
  clock?: () => Date;
  /** Open without the lock and never write; changes stay in memory. */
  readOnly?: boolean;
  /** File operations; tests inject failures (disk full, permission denied). */
  fs?: StoreFs;
  backupPolicy?: Partial<BackupPolicy>;
  trashRetentionDays?: number;
}

export class StoreContext {
  readonly dir: string;
  readonly fs: StoreFs;
  readonly clock: () => Date;
  readonly tmpDir: string;
  readonly articlesDir: string;
  readonly backups: BackupManager;
  /** For files we own: the previous version is backed up before each replace. */
  readonly env: AtomicJsonFileEnv;
  /** For files that are copies or raw bytes: no backup on replace. */
  readonly blindEnv: AtomicJsonFileEnv;
  readonly status: StoreStatus;
  readonly recovery: RecoveryContext;
  readonly background = new Set<Promise<unknown>>();
  closed = false;
  private rescue: string | undefined;

  constructor(dir: string, opts: OpenLibraryStoreOptions) {
    this.dir = resolve(dir);
    this.fs = opts.fs ?? nodeFs;
    this.clock = opts.clock ?? (() => new Date());
    this.tmpDir = join(this.dir, '.tmp');
    this.articlesDir = join(this.dir, 'articles');
    this.backups = new BackupManager(this.fs, this.dir, this.clock, { ...DEFAULT_BACKUP_POLICY, ...opts.backupPolicy });
    this.env = { fs: this.fs, tmpDir: this.tmpDir, beforeReplace: (path) => this.backups.maybeBackup(path) };
    this.blindEnv = { fs: this.fs, tmpDir: this.tmpDir };
    this.status = new StoreStatus(this.dir, (p) => this.track(p));
    this.recovery = { fs: this.fs, backups: this.backups, clock: this.clock, status: this.status };
  }

  track(p: Promise<unknown>): void {
    const q: Promise<unknown> = p.catch(() => undefined).finally(() => this.background.delete(q));
    this.background.add(q);
  }

  assertOpen(): void {
    if (this.closed) throw new AppError('internal', `The library at ${this.dir} has been closed.`);
  }

  /** Where the changes go when the library folder was lost while open (library-watch.ts), fixed once asked. */
  get rescueDir(): string {
    this.rescue ??= `${this.dir}.rescued-${fileStamp(this.clock())}`;
    return this.rescue;
  }

  folder(id: string): string {
    return join(this.articlesDir, id);
  }

  /** Writes back a file that was upgraded (after a pre-migration backup) or restored from a backup. */
  async persistLoaded(
    file: { frozen: boolean; path: string; save(): Promise<void> },
    r: LoadResult<unknown>,
  ): Promise<void> {
    if (!this.status.writable() || file.frozen) return;
    if (r.status === 'ok' && r.migrated) {
      await this.backups.maybeBackup(file.path, true);
      this.track(file.save());
    } else if (r.status === 'restored') {
      this.track(file.save());
    }
  }
}
