// Loading one stored file, and what happens when it cannot be trusted: it is
// moved aside (never overwritten), the newest backup that passes the checks is
// restored, and the user is told which file or article was affected.
import { AppError } from '../model/errors';
import { CorruptFileError, parseStoredFile, type AtomicJsonFile } from './atomic-json-file';
import type { BackupManager } from './backups';
import { SCHEMA_VERSION, type FileKind, type FileKindMap } from './file-schemas';
import { describeFsError, type StoreFs } from './fs-facade';
import { NewerVersionError } from './migrations';
import { quarantineFile } from './quarantine';
import { capitalize, type StoreStatus } from './store-status';
import type { StoredFile } from './stored-file';
import { humanTime } from './timestamp';

export type LoadResult<T> =
  | { status: 'ok'; data: T; migrated: boolean }
  | { status: 'restored'; data: T }
  | { status: 'missing' }
  | { status: 'lost'; movedTo: string | null }
  | { status: 'newer'; version: number };

export interface RecoveryContext {
  fs: StoreFs;
  backups: BackupManager;
  clock: () => Date;
  status: StoreStatus;
}

/** Reads `file` from disk into memory. A file that cannot be moved aside is frozen in place. */
export async function loadStoredFile<K extends FileKind>(
  ctx: RecoveryContext,
  file: StoredFile<FileKindMap[K]>,
  kind: K,
): Promise<LoadResult<FileKindMap[K]>> {
  const adapter = file.adapter as AtomicJsonFile<K>;
  try {
    await file.db.read();
  } catch (e) {
    if (e instanceof NewerVersionError) {
      file.frozen = true;
      ctx.status.notify(
        'warning',
        `${capitalize(file.label)} was written by a newer version of Gloss (schema ${e.version}); Gloss will not change it.`,
      );
      return { status: 'newer', version: e.version };
    }
    if (e instanceof CorruptFileError) return recoverCorrupt(ctx, file, kind, e.reason);
    throw new AppError('storage_failed', `Could not read ${file.label} at ${file.path} (${describeFsError(e)}).`);
  }
  if (adapter.signature === null) return kind === 'settings' ? { status: 'missing' } : restoreMissing(ctx, file, kind);
  return { status: 'ok', data: file.data, migrated: (adapter.readVersion ?? SCHEMA_VERSION) < SCHEMA_VERSION };
}

async function newestValidBackup<K extends FileKind>(
  ctx: RecoveryContext,
  path: string,
  kind: K,
): Promise<{ data: FileKindMap[K]; taken: Date } | null> {
  for (const b of await ctx.backups.list(path)) {
    try {
      return { data: parseStoredFile(kind, b.path, await ctx.fs.readFile(b.path)).data, taken: b.taken };
    } catch {
      // a damaged backup: try the one before it
    }
  }
  return null;
}

/**
 * A file we always write is gone while its backups remain: a crash between
 * moving a damaged file aside and restoring it, or a deletion by another
 * program. (Settings are exempt: deleting them is how users reset them.)
 */
async function restoreMissing<K extends FileKind>(
  ctx: RecoveryContext,
  file: StoredFile<FileKindMap[K]>,
  kind: K,
): Promise<LoadResult<FileKindMap[K]>> {
  const restored = await newestValidBackup(ctx, file.path, kind);
  if (!restored) return { status: 'missing' };
  ctx.status.notify(
    'warning',
    `${capitalize(file.label)} was missing; the backup from ${humanTime(restored.taken)} was restored.`,
  );
  file.data = restored.data;
  return { status: 'restored', data: restored.data };
}

async function recoverCorrupt<K extends FileKind>(
  ctx: RecoveryContext,
  file: StoredFile<FileKindMap[K]>,
  kind: K,
  reason: string,
): Promise<LoadResult<FileKindMap[K]>> {
  const movedTo = ctx.status.writable() ? await quarantineFile(ctx.fs, file.path, ctx.clock()) : null;
  if (movedTo === null) file.frozen = true;
  else file.adapter.signature = null;
  const restored = await newestValidBackup(ctx, file.path, kind);
  const where = movedTo ? `was moved aside as ${movedTo}` : 'was left in place untouched';
  const outcome = restored ? `the backup from ${humanTime(restored.taken)} was restored` : 'no backup was available';
  ctx.status.notify(
    restored ? 'warning' : 'error',
    `${capitalize(file.label)} was damaged (${reason}) and ${where}; ${outcome}.`,
  );
  if (!restored) return { status: 'lost', movedTo };
  // The caller writes it back once its own in-memory view is built (see persistLoaded).
  file.data = restored.data;
  return { status: 'restored', data: restored.data };
}
