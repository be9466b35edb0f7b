// `.lock` in the library folder: one writing process at a time. Holds the
// owner's pid, the time the operating system started that process (so a pid
// reused by an unrelated program is not mistaken for the owner) and a random
// token (so the owner can tell when another process took the lock over).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from '../model/errors';
import { errorCode, isNotWritableError, type StoreFs } from './fs-facade';

export interface LockInfo {
  pid: number;
  started: string;
  host: string;
  /** Absent in locks of older versions. */
  token?: string;
  /** The kernel's start time of `pid` (Linux: field 22 of /proc/<pid>/stat), when known. */
  processStart?: string;
}

export interface HeldLock {
  readonly token: string;
  readonly path: string;
  release(): Promise<void>;
}

/** When the operating system started process `pid`, as an opaque string; null where it cannot tell. */
export function processStartOf(pid: number): string | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return rest[19] ?? null;
  } catch {
    return null;
  }
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

export function parseLock(text: string): LockInfo | null {
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null) return null;
    const { pid, started, host, token, processStart } = v as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof started !== 'string' || typeof host !== 'string') return null;
    return {
      pid,
      started,
      host,
      ...(typeof token === 'string' ? { token } : {}),
      ...(typeof processStart === 'string' ? { processStart } : {}),
    };
  } catch {
    return null;
  }
}

/** Whether the process a lock names still holds it: alive, and (where the OS tells) the same process. */
export function holderIsLive(info: LockInfo | null, dir: string): boolean {
  if (!info) return false; // torn or foreign content: nobody we can identify holds it
  if (info.host !== hostname()) return true; // a shared folder: we cannot check, so respect it
  if (info.pid === process.pid) return heldHere.has(resolve(dir));
  if (!isAlive(info.pid)) return false;
  // The pid is alive: it is the owner only if it started when the owner did (else the pid was reused).
  const now = processStartOf(info.pid);
  return !(info.processStart && now && info.processStart !== now);
}

/** For messages: who holds the lock, and since when. */
export function describeHolder(info: LockInfo | null): string {
  if (!info) return 'another process';
  const where = info.host !== hostname() ? ` on ${info.host}` : '';
  return `pid ${info.pid}${where}, since ${info.started.slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Takes the lock. Returns null when the folder cannot be written (the caller
 * opens read-only); throws AppError('conflict') when a live process holds it.
 */
export async function acquireLock(fs: StoreFs, libraryDir: string, now: Date): Promise<HeldLock | null> {
  const dir = resolve(libraryDir);
  const path = join(dir, '.lock');
  const processStart = processStartOf(process.pid);
  const mine: LockInfo = {
    pid: process.pid,
    started: now.toISOString(),
    host: hostname(),
    token: randomBytes(12).toString('hex'),
    ...(processStart ? { processStart } : {}),
  };
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
      return { token: mine.token!, path, release: () => releaseLock(fs, dir, path, mine) };
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
      throw new AppError(
        'conflict',
        `The library at ${dir} is open in another Gloss process (${describeHolder(info)}); close that Gloss first. ` +
          `If no Gloss is running, that process is unrelated: \`npm run gloss -- unlock --library ${dir}\` removes the stale lock (${path}).`,
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
    if (info && info.pid === mine.pid && info.token === mine.token) await fs.unlink(path);
  } catch {
    // Already gone, or the folder became unwritable: the next opener sees a dead pid.
  }
}
