// Reading the file an export will replace (for its user sections) and
// replacing it without ever leaving half a file behind.
import { mkdir, open, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../model/errors';
import { describeFsError } from '../storage/fs-facade';
import { uniqueFileName } from './file-names';

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AppError('storage_failed', `Could not read the existing file ${path} to keep your sections.`);
  }
}

/** The first `bytes` bytes of a file as text (enough for its front matter), or undefined if it cannot be read. */
export async function readHead(path: string, bytes: number): Promise<string | undefined> {
  try {
    const fh = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await fh.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await fh.close();
    }
  } catch {
    return undefined;
  }
}

/** Write to a sibling temp file, then rename, so a crash never leaves half an export. */
export async function writeAtomically(path: string, text: string, label: string): Promise<void> {
  const tmp = `${path}.gloss-${process.pid}-${Date.now()}.tmp`;
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch {
    await unlink(tmp).catch(() => undefined);
    throw new AppError('storage_failed', `Could not write the export of “${label}” to ${path}.`);
  }
}

/** Creates the folder an export goes to (and its parents), or says why it cannot. */
export async function makeExportFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new AppError('storage_failed', `Could not create the export folder ${dir} (${describeFsError(e)}).`);
  }
}

/** A free `name (2).md`-style path beside `path` (for when `path` is somebody else's file). */
export async function freePathBeside(path: string): Promise<string> {
  const dir = dirname(path);
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    // An unreadable folder: the write below reports it.
  }
  const taken = new Set(names.map((n) => n.toLowerCase()));
  return join(dir, uniqueFileName(basename(path).replace(/\.md$/i, ''), '.md', taken));
}

/** Keeps `text` (the file an export replaces) as `path.bak-<time>` beside it; returns that path. */
export async function keepPreviousCopy(path: string, text: string, when: Date): Promise<string> {
  const stamp = when
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  for (let n = 1; ; n++) {
    const copy = `${path}.bak-${stamp}${n === 1 ? '' : `-${n}`}`;
    try {
      await writeFile(copy, text, { encoding: 'utf8', flag: 'wx' });
      return copy;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new AppError(
        'storage_failed',
        `Could not keep a copy of ${path} before replacing it (${describeFsError(e)}).`,
      );
    }
  }
}
