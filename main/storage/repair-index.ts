// library.json is a cache of the article folders: each article's meta.json is
// the truth for its details, its state.json for what changes while reading
// (the highlight count, the progress). At open the cache is repaired where it
// can be behind: the articles named in library.journal (changed since the
// last index write), folders the index does not list (an import cut short
// before the index write), entries whose folder is gone, and — when the index
// was restored from a backup or rebuilt — every entry.
import { join } from 'node:path';
import type { ArticleSummary } from '../model/contract';
import { parseStoredFile } from './atomic-json-file';
import { finishArticleCommit } from './article-commit';
import { isArticleId } from './article-ids';
import type { LibraryIndex } from './library-index';
import type { StoreContext } from './store-context';

/** Folders read at once while repairing. */
const BATCH = 64;

interface FolderEntry {
  summary: ArticleSummary;
  trashedAt: string | null;
}

export interface RepairRequest {
  /** Ids whose entries may be behind their files (from the journal). */
  recheck: readonly string[];
  /** Check every entry (the index came from a backup). */
  all: boolean;
}

export async function repairIndex(ctx: StoreContext, index: LibraryIndex, request: RepairRequest): Promise<void> {
  let names: string[];
  try {
    names = (await ctx.fs.readdir(ctx.articlesDir)).filter(isArticleId);
  } catch {
    names = [];
  }
  const folders = new Set(names);
  const listed = [...index.active.keys(), ...index.trash.keys()];
  const gone = listed.filter((id) => !folders.has(id));
  const check = new Set<string>(request.all ? names : request.recheck.filter((id) => folders.has(id)));
  for (const n of names) if (!index.has(n)) check.add(n);

  let recovered = 0;
  let updated = 0;
  const ids = [...check];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const found = await Promise.all(batch.map((id) => readFolderEntry(ctx, id)));
    batch.forEach((id, k) => {
      const f = found[k];
      if (!f) return;
      const known = index.has(id);
      if (known && sameEntry(index, id, f)) return;
      index.active.delete(id);
      index.trash.delete(id);
      if (f.trashedAt) index.trash.set(id, { summary: f.summary, trashedAt: f.trashedAt });
      else index.active.set(id, f.summary);
      index.markDirty(id);
      if (known) updated += 1;
      else recovered += 1;
    });
  }
  const goneTitles = gone.map((id) => index.titleOf(id));
  for (const id of gone) {
    index.active.delete(id);
    index.trash.delete(id);
    index.markDirty(id);
  }
  report(ctx, { recovered, updated, goneTitles, restored: request.all });
  if (recovered + updated + gone.length > 0 || request.all || request.recheck.length > 0) ctx.track(index.save());
}

function report(
  ctx: StoreContext,
  r: { recovered: number; updated: number; goneTitles: string[]; restored: boolean },
): void {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (r.recovered > 0) {
    ctx.status.notify(
      'info',
      `Recovered ${plural(r.recovered, 'article', 'articles')} missing from the library index (library.json) from ${r.recovered === 1 ? 'its folder' : 'their folders'}.`,
    );
  }
  if (r.updated > 0 && r.restored) {
    ctx.status.notify(
      'info',
      `The restored library index was older than the articles: ${plural(r.updated, 'entry was', 'entries were')} brought up to date from the articles' own files (tags, details, highlight counts, progress).`,
    );
  }
  if (r.goneTitles.length > 0) {
    const shown = r.goneTitles.slice(0, 3).join(', ');
    const more = r.goneTitles.length > 3 ? ` and ${r.goneTitles.length - 3} more` : '';
    ctx.status.notify(
      'warning',
      `${plural(r.goneTitles.length, 'article was', 'articles were')} removed from the list because ${r.goneTitles.length === 1 ? 'its folder is' : 'their folders are'} missing from ${ctx.articlesDir}: ${shown}${more}.`,
    );
  }
}

function sameEntry(index: LibraryIndex, id: string, f: FolderEntry): boolean {
  const trashed = index.trash.get(id);
  const current = index.active.get(id) ?? trashed?.summary;
  if ((trashed?.trashedAt ?? null) !== f.trashedAt || !current) return false;
  return JSON.stringify(current) === JSON.stringify(f.summary);
}

/** An article's entry as its own files hold it, or null when they cannot tell. */
export async function readFolderEntry(ctx: StoreContext, id: string): Promise<FolderEntry | null> {
  const folder = ctx.folder(id);
  if (ctx.status.writable()) await finishArticleCommit(ctx, id);
  let entry: FolderEntry | null = null;
  try {
    const path = join(folder, 'meta.json');
    const meta = parseStoredFile('meta', path, await ctx.fs.readFile(path)).data;
    entry = { summary: { ...meta.summary, id }, trashedAt: meta.trashedAt };
  } catch {
    // fall back on the copy kept in content.json
  }
  if (!entry) {
    try {
      const path = join(folder, 'content.json');
      const content = parseStoredFile('content', path, await ctx.fs.readFile(path)).data;
      if (content.summary) entry = { summary: { ...content.summary, id }, trashedAt: null };
    } catch {
      // an unreadable folder: left alone on disk
    }
  }
  if (!entry) return null;
  try {
    const path = join(folder, 'state.json');
    const state = parseStoredFile('state', path, await ctx.fs.readFile(path)).data;
    entry.summary = {
      ...entry.summary,
      highlightCount: state.annotations.length,
      progress: state.progress ?? entry.summary.progress,
    };
  } catch {
    // no readable state: the counts meta.json holds stand (the state is recovered when the article is opened)
  }
  return entry;
}
