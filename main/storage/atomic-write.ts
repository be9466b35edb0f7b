import { basename, dirname, join } from 'node:path';
import type { Stats } from 'node:fs';
import { errorCode, type StoreFs } from './fs-facade';

/** What we remember of a file we read or wrote, to notice when another program changed it. */
export interface FileSignature {
  mtimeMs: number;
  size: number;
  ino: number;
}

export function signatureOf(st: Stats): FileSignature {
  return { mtimeMs: st.mtimeMs, size: st.size, ino: st.ino };
}

export function sameSignature(a: FileSignature, b: FileSignature): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino;
}

const TEMP_SUFFIX = '.tmp';
let tempCounter = 0;

/**
 * Writes `data` to `target` so that a crash at any moment leaves either the old
 * or the new file: a uniquely named temp file (so two writers can never share
 * one), fsync, rename over the target, fsync of the directory so the rename
 * itself survives power loss. Temp files live in `tmpDir`, on the same volume.
 */
export async function writeFileAtomic(
  fs: StoreFs,
  tmpDir: string,
  target: string,
  data: string | Uint8Array,
): Promise<FileSignature> {
  tempCounter += 1;
  const tmp = join(
    tmpDir,
    `${basename(target)}.${process.pid}.${Date.now().toString(36)}.${tempCounter}${TEMP_SUFFIX}`,
  );
  let signature: FileSignature;
  try {
    const fh = await fs.open(tmp, 'wx', 0o644);
    try {
      await fh.writeFile(data);
      await fh.sync();
      signature = signatureOf(await fh.stat());
    } finally {
      await fh.close();
    }
    try {
      await renameWithRetry(fs, tmp, target);
    } catch (e) {
      // The article folder is missing (its creation failed earlier, or it was deleted): recreate it.
      if (errorCode(e) !== 'ENOENT') throw e;
      await fs.mkdir(dirname(target), { recursive: true });
      await syncDir(fs, dirname(dirname(target)));
      await renameWithRetry(fs, tmp, target);
    }
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDir(fs, dirname(target));
  return signature;
}

/** Windows refuses to rename over a file an indexer or antivirus holds open; that passes quickly. */
async function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  const attempts = process.platform === 'win32' ? 6 : 1;
  for (let i = 1; ; i++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = errorCode(e);
      if (i >= attempts || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw e;
      await new Promise((r) => setTimeout(r, 50 * i));
    }
  }
}

/** Makes a rename durable. Some platforms (Windows) cannot open a directory; there it is a no-op. */
export async function syncDir(fs: StoreFs, dir: string): Promise<void> {
  let fh;
  try {
    fh = await fs.open(dir, 'r');
  } catch {
    return;
  }
  try {
    await fh.sync();
  } catch {
    // EINVAL/EPERM on filesystems without directory fsync: nothing better to do.
  } finally {
    await fh.close();
  }
}
