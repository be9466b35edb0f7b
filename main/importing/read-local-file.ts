// Reading a file the user named (CLI arguments, the native dialog) without
// trusting it: only a regular file, never more than the limit, and never a
// read that blocks (a FIFO opened for reading waits for a writer forever).
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { AppError } from '../model/errors';

function bareName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

function megabytes(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
}

function kindOf(st: import('node:fs').Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function notAFile(name: string, kind: string): AppError {
  return new AppError('unsupported_file', `"${name}" is ${kind}, not a file Gloss can import.`);
}

function tooLarge(name: string, size: number | null, limit: number): AppError {
  const what = size === null ? `grew past ${megabytes(limit)} while it was read` : `is ${megabytes(size)}`;
  return new AppError('too_large', `"${name}" ${what}; Gloss imports files up to ${megabytes(limit)}.`);
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them. Throws
 * AppError: not_found, unsupported_file (a folder, FIFO, device or socket),
 * too_large (checked before reading, and again while reading a file that grows).
 */
export async function readLocalFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const name = bareName(path);
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('not_found', `"${name}" does not exist.`);
    throw new AppError('not_found', `"${name}" cannot be read (${code ?? String(e)}).`);
  }
  const kind = kindOf(st);
  if (kind) throw notAFile(name, kind);
  if (st.size > maxBytes) throw tooLarge(name, st.size, maxBytes);
  // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open must not wait for a writer.
  let fh;
  try {
    fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new AppError('not_found', `"${name}" cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  try {
    const opened = await fh.stat();
    const openedKind = kindOf(opened);
    if (openedKind) throw notAFile(name, openedKind);
    // Read one byte past the limit, so a file that grew meanwhile is refused rather than cut.
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes, Math.max(opened.size, 64 * 1024)) + 1);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(name, null, maxBytes);
      chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  } finally {
    await fh.close();
  }
}
