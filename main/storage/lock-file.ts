// `.lock` in the library folder: one writing process at a time. Holds the pid
// and start time of the owner; a lock whose process is gone is taken over.
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from '../app/errors';
import { errorCode, isNotWritableError, type StoreFs } from './fs-facade';

interface LockInfo {
  pid: number;
  started: string;
  host: string;
}

export interface HeldLock {
  release(): Promise<void>;
}

/** Folders locked by this very process: a lock naming our own pid is stale unless listed here. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errorCode(e) === 'EPERM';
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return null;
    const { pid, started, host } = v as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof started !== 'string' || typeof host !== 'string') return null;
    return { pid, started, host };
  } catch {
    return null;
  }
}

function holderIsLive(info: LockInfo | null, dir: string): boolean {
  if (!info) return false; // torn or foreign content: nobody we can identify holds it
  if (info.host !== hostname()) return true; // a shared folder: we cannot check, so respect it
  if (info.pid === process.pid) return heldHere.has(dir);
  return isAlive(info.pid);
}

/**
 * Takes the lock. Returns null when the folder cannot be written (the caller
 * opens read-only); throws AppError('conflict') when a live process holds it.
 */
export async function acquireLock(fs: StoreFs, libraryDir: string, now: Date): Promise<HeldLock | null> {
  const dir = resolve(libraryDir);
  const path = join(dir, '.lock');
  const mine: LockInfo = { pid: process.pid, started: now.toISOString(), host: hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await fs.open(path, 'wx', 0o644);
      try {
        await fh.writeFile(JSON.stringify(mine));
        await fh.sync();
      } finally {
        await fh.close();
      }
      heldHere.add(dir);
      return { release: () => releaseLock(fs, dir, path, mine) };
    } catch (e) {
      if (isNotWritableError(e) || errorCode(e) === 'ENOSPC' || errorCode(e) === 'EDQUOT') return null;
      if (errorCode(e) !== 'EEXIST') throw e;
    }
    let text = '';
    try {
      text = (await fs.readFile(path)).toString('utf8');
    } catch (e) {
      if (errorCode(e) === 'ENOENT') continue; // released meanwhile
      throw e;
    }
    const info = parseLock(text);
    if (holderIsLive(info, dir)) {
      const who = info ? `pid ${info.pid}${info.host !== hostname() ? ` on ${info.host}` : ''}` : 'another process';
      throw new AppError(
        'conflict',
        `The library at ${dir} is open in another Gloss process (${who}); close it first, or delete ${path} if no Gloss is running.`,
      );
    }
    try {
      await fs.unlink(path); // stale: its process is gone
    } catch (e) {
      if (isNotWritableError(e)) return null;
      if (errorCode(e) !== 'ENOENT') throw e;
    }
  }
  throw new AppError('conflict', `The library at ${dir} is being opened by another Gloss process; try again.`);
}

async function releaseLock(fs: StoreFs, dir: string, path: string, mine: LockInfo): Promise<void> {
  heldHere.delete(dir);
  try {
    const info = parseLock((await fs.readFile(path)).toString('utf8'));
    if (info && info.pid === mine.pid && info.started === mine.started) await fs.unlink(path);
  } catch {
    // Already gone, or the folder became unwritable: the next opener sees a dead pid.
  }
}
