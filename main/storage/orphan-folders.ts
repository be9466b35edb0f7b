// Article folders the index does not list: an import interrupted before the
// index write, or an index restored from an older backup or lost entirely.
// Each is listed again from its meta.json (or the summary kept in content.json).
import type { ArticleSummary } from '../api/contract';
import { join } from 'node:path';
import { parseStoredFile } from './atomic-json-file';
import { isArticleId } from './article-ids';
import type { LibraryIndex } from './library-index';
import type { StoreContext } from './store-context';

/** Folders read at once while recovering. */
const BATCH = 64;

export async function recoverOrphanFolders(ctx: StoreContext, index: LibraryIndex): Promise<void> {
  let names: string[];
  try {
    names = await ctx.fs.readdir(ctx.articlesDir);
  } catch {
    return;
  }
  const orphans = names.filter((n) => isArticleId(n) && !index.active.has(n) && !index.trash.has(n));
  if (orphans.length === 0) return;
  let recovered = 0;
  for (let i = 0; i < orphans.length; i += BATCH) {
    const batch = orphans.slice(i, i + BATCH);
    const found = await Promise.all(batch.map((id) => readFolderSummary(ctx, id)));
    for (const f of found) {
      if (!f) continue;
      if (f.trashedAt) index.trash.set(f.summary.id, { summary: f.summary, trashedAt: f.trashedAt });
      else index.active.set(f.summary.id, f.summary);
      index.markDirty(f.summary.id);
      recovered += 1;
    }
  }
  if (recovered === 0) return;
  ctx.status.notify(
    'info',
    `Recovered ${recovered} article${recovered === 1 ? '' : 's'} missing from the library index (library.json) from ${recovered === 1 ? 'its folder' : 'their folders'}.`,
  );
  ctx.track(index.save());
}

async function readFolderSummary(
  ctx: StoreContext,
  id: string,
): Promise<{ summary: ArticleSummary; trashedAt: string | null } | null> {
  const folder = ctx.folder(id);
  try {
    const path = join(folder, 'meta.json');
    const meta = parseStoredFile('meta', path, await ctx.fs.readFile(path)).data;
    return { summary: { ...meta.summary, id }, trashedAt: meta.trashedAt };
  } catch {
    // fall back on the copy kept in content.json
  }
  try {
    const path = join(folder, 'content.json');
    const content = parseStoredFile('content', path, await ctx.fs.readFile(path)).data;
    if (content.summary) return { summary: { ...content.summary, id }, trashedAt: null };
  } catch {
    // an unreadable folder: left alone on disk
  }
  return null;
}
