// Taking the library folder for writing at open: create it, hold its lock file,
// and empty .tmp/. A folder we cannot write opens read-only, with a notice.
import { join } from 'node:path';
import { AppError } from '../model/errors';
import { describeFsError, isNotWritableError } from './fs-facade';
import { acquireLock, type HeldLock } from './lock-file';
import type { StoreContext } from './store-context';

/** Returns the held lock, or null when the library is to be read-only. */
export async function lockLibraryFolder(ctx: StoreContext, now: Date): Promise<HeldLock | null> {
  const { fs, dir, status } = ctx;
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    const exists = await fs.stat(dir).then(
      (st) => st.isDirectory(),
      () => false,
    );
    if (!exists)
      throw new AppError('storage_failed', `Could not create the library folder ${dir} (${describeFsError(e)}).`);
  }
  let lock: HeldLock | null = null;
  try {
    lock = await acquireLock(fs, dir, now);
    status.locked = lock !== null;
    if (lock) {
      await fs.mkdir(ctx.tmpDir, { recursive: true });
      await removeStaleTemps(ctx);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (!isNotWritableError(e)) {
      await lock?.release();
      throw new AppError('storage_failed', `Could not open the library at ${dir} (${describeFsError(e)}).`);
    }
    status.notWritable = true;
  }
  if (!status.writable()) {
    status.announceReadOnly(
      `The library folder ${dir} cannot be written, so Gloss opened it read-only: changes will not be saved.`,
    );
  }
  return lock;
}

/** Temp files left by a crash mid-write: the target still holds the old or the new version. */
async function removeStaleTemps(ctx: StoreContext): Promise<void> {
  for (const name of await ctx.fs.readdir(ctx.tmpDir)) {
    await ctx.fs.rm(join(ctx.tmpDir, name), { force: true, recursive: true });
  }
}
