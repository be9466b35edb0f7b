import { basename } from 'node:path';
import { errorCode, type StoreFs } from './fs-facade';
import { fileStamp } from './timestamp';

/**
 * Moves an unreadable file aside as `<name>.corrupt-<YYYYMMDD-HHMMSS>` so that
 * nothing is ever written over it. Returns the new name, or null when the
 * folder cannot be written (the file then stays where it is, untouched).
 */
export async function quarantineFile(fs: StoreFs, path: string, now: Date): Promise<string | null> {
  const base = `${path}.corrupt-${fileStamp(now)}`;
  for (let n = 1; n < 100; n++) {
    const target = n === 1 ? base : `${base}-${n}`;
    try {
      await fs.stat(target);
      continue;
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') return null;
    }
    try {
      await fs.rename(path, target);
      return basename(target);
    } catch {
      return null;
    }
  }
  return null;
}
