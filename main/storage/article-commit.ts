// A change to several files of one article ("Update from file": the text, the
// source, the re-anchored annotations and the details) as one unit. The new
// files are written into articles/<id>/pending/ and synced; then commit.json
// names them, and only then are they renamed into place. A crash before
// commit.json leaves the old files (pending/ is discarded at the next open); a
// crash after it leaves a commit the next open finishes. Either way the
// article's files never mix two versions.
import { join } from 'node:path';
import { syncDir, signatureOf, writeFileAtomic, type FileSignature } from './atomic-write';
import { errorCode } from './fs-facade';
import type { StoreContext } from './store-context';

const MARKER = 'commit.json';
const PENDING = 'pending';
const NAME = /^(?:content|state|meta)\.json$|^source\.[A-Za-z0-9]{1,16}$/;

export interface CommitFile {
  name: string;
  data: string | Uint8Array;
}

interface Marker {
  files: string[];
  remove: string[];
}

/**
 * Writes `files` into the article's folder as one unit and removes `remove`.
 * Returns the signature of each file written. Throws (having changed nothing)
 * when the new files cannot be written, e.g. on a full disk.
 */
export async function commitArticleFiles(
  ctx: StoreContext,
  id: string,
  files: CommitFile[],
  remove: string[] = [],
): Promise<Map<string, FileSignature>> {
  const { fs } = ctx;
  const folder = ctx.folder(id);
  const pending = join(folder, PENDING);
  const signatures = new Map<string, FileSignature>();
  try {
    await fs.rm(pending, { recursive: true, force: true });
    await fs.mkdir(pending, { recursive: true });
    for (const f of files) {
      const fh = await fs.open(join(pending, f.name), 'wx', 0o644);
      try {
        await fh.writeFile(f.data);
        await fh.sync();
        signatures.set(f.name, signatureOf(await fh.stat()));
      } finally {
        await fh.close();
      }
    }
    await syncDir(fs, pending);
    const marker: Marker = { files: files.map((f) => f.name), remove: remove.filter((r) => !signatures.has(r)) };
    await writeFileAtomic(fs, ctx.tmpDir, join(folder, MARKER), JSON.stringify(marker));
  } catch (e) {
    await fs.rm(pending, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
  await applyMarker(ctx, id);
  return signatures;
}

/** At open (or before the article's files are read): finishes a commit cut short, or discards one never committed. */
export async function finishArticleCommit(ctx: StoreContext, id: string): Promise<void> {
  const folder = ctx.folder(id);
  try {
    await ctx.fs.stat(join(folder, MARKER));
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') return;
    // No commit: whatever pending/ holds was never committed.
    await ctx.fs.rm(join(folder, PENDING), { recursive: true, force: true }).catch(() => undefined);
    return;
  }
  await applyMarker(ctx, id).catch(() => undefined);
}

async function readMarker(ctx: StoreContext, path: string): Promise<Marker | null> {
  try {
    const raw = JSON.parse((await ctx.fs.readFile(path)).toString('utf8')) as Partial<Marker>;
    const ok = (v: unknown): v is string[] => Array.isArray(v) && v.every((n) => typeof n === 'string' && NAME.test(n));
    return ok(raw.files) && ok(raw.remove) ? { files: raw.files, remove: raw.remove } : null;
  } catch {
    return null;
  }
}

async function applyMarker(ctx: StoreContext, id: string): Promise<void> {
  const { fs } = ctx;
  const folder = ctx.folder(id);
  const markerPath = join(folder, MARKER);
  const marker = await readMarker(ctx, markerPath);
  if (marker) {
    for (const name of marker.files) {
      const target = join(folder, name);
      const staged = join(folder, PENDING, name);
      try {
        await fs.stat(staged);
      } catch {
        continue; // already moved into place before the crash
      }
      if (name !== 'meta.json') await ctx.backups.maybeBackup(target, true);
      await fs.rename(staged, target);
    }
    for (const name of marker.remove) {
      await ctx.backups.maybeBackup(join(folder, name), true);
      await fs.unlink(join(folder, name)).catch(() => undefined);
    }
    await syncDir(fs, folder);
  }
  await fs.unlink(markerPath);
  await fs.rm(join(folder, PENDING), { recursive: true, force: true });
  await syncDir(fs, folder);
}
