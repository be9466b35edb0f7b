// The library folder was deleted, or another process took it over, while Gloss
// had changes to save (library-watch.ts). At quit those changes are written to
// a new library folder beside the old one — every article Gloss holds in
// memory, with pieces it does not hold copied from the old folder where it
// still exists — so that `--library <rescue folder>` opens them.
import { join } from 'node:path';
import type { ArticleSummary } from '../model/contract';
import type { ArticleCache } from './article-cache';
import { serializeStoredFile } from './atomic-json-file';
import { SCHEMA_VERSION, type IndexFile } from './file-schemas';
import type { LibraryIndex } from './library-index';
import type { StoreContext } from './store-context';

export interface RescueSources {
  index: LibraryIndex;
  cache: ArticleCache;
  settings: string;
  corrections: string;
}

/** Writes the rescue folder; returns how many articles it holds, or throws when it cannot be written. */
export async function writeRescueCopy(ctx: StoreContext, from: RescueSources): Promise<number> {
  const { fs } = ctx;
  const dir = ctx.rescueDir;
  await fs.mkdir(join(dir, 'articles'), { recursive: true });
  const write = async (path: string, data: string | Uint8Array) => {
    const fh = await fs.open(path, 'w', 0o644);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
  };
  const listed: ArticleSummary[] = [];
  for (const [id, entry] of from.cache.byId()) {
    const meta = from.index.metaData(id);
    if (!meta || meta.trashedAt) continue;
    const folder = join(dir, 'articles', id);
    await fs.mkdir(folder, { recursive: true });
    const old = ctx.folder(id);
    const copyOld = (name: string) =>
      fs.copyFile(join(old, name), join(folder, name)).then(
        () => true,
        () => false,
      );
    if (entry.content) await write(join(folder, 'content.json'), serializeStoredFile('content', entry.content.data));
    else if (!(await copyOld('content.json'))) continue; // no text anywhere: not an article the copy can hold
    if (entry.state) await write(join(folder, 'state.json'), serializeStoredFile('state', entry.state.data));
    else await copyOld('state.json');
    if (entry.source) await write(join(folder, `source.${entry.source.ext}`), entry.source.file.data);
    else {
      const names = await fs.readdir(old).catch(() => [] as string[]);
      for (const n of names) if (/^source\.[A-Za-z0-9]{1,16}$/.test(n)) await copyOld(n);
    }
    await write(join(folder, 'meta.json'), serializeStoredFile('meta', meta));
    listed.push(meta.summary);
  }
  const index: IndexFile = { schemaVersion: SCHEMA_VERSION, articles: listed, trash: [] };
  await write(join(dir, 'library.json'), serializeStoredFile('index', index));
  await write(join(dir, 'settings.json'), from.settings);
  await write(join(dir, 'entities.json'), from.corrections);
  return listed.length;
}
