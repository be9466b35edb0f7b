// A new article's folder, all or nothing: its four files are written and
// synced in a folder under .tmp/, which is then renamed into articles/ in one
// step. A full disk, a read-only folder or a crash leaves no folder and no
// index entry (.tmp/ is emptied at open), and the import fails with a sentence
// saying so instead of being kept in memory and lost at exit.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ArticleSummary } from '../model/contract';
import { AppError } from '../model/errors';
import { serializeStoredFile } from './atomic-json-file';
import { signatureOf, syncDir, type FileSignature } from './atomic-write';
import { SCHEMA_VERSION, type ContentFile, type MetaFile, type StateFile } from './file-schemas';
import { describeFsError, isNotWritableError } from './fs-facade';
import type { StoreContext } from './store-context';
import type { NewStoredArticle } from './store-types';

export interface WrittenArticle {
  content: ContentFile;
  state: StateFile;
  meta: MetaFile;
  /** Signatures of the files as written, by name. */
  signatures: Map<string, FileSignature>;
}

export async function writeNewArticleFolder(
  ctx: StoreContext,
  summary: ArticleSummary,
  article: NewStoredArticle,
  state: StateFile,
): Promise<WrittenArticle> {
  const { fs } = ctx;
  const title = summary.title;
  if (!ctx.status.writable()) {
    throw new AppError(
      'storage_failed',
      `“${title}” was not imported: the library at ${ctx.dir} is open read-only${ctx.status.lostReason ? ` (${ctx.status.lostReason})` : ''}.`,
    );
  }
  const content: ContentFile = {
    schemaVersion: SCHEMA_VERSION,
    summary,
    html: article.content.html,
    text: article.content.text,
    textSha256: article.content.textSha256,
    // Reader mode's removed passages, kept so that any can be put back.
    ...(article.content.removed?.length ? { removed: article.content.removed.map((p) => ({ ...p })) } : {}),
  };
  const meta: MetaFile = { schemaVersion: SCHEMA_VERSION, summary, trashedAt: null };
  const files: [string, string | Uint8Array][] = [
    [`source.${article.source.ext}`, article.source.bytes],
    ['content.json', serializeStoredFile('content', content)],
    ['state.json', serializeStoredFile('state', state)],
    // Last, though the folder appears whole or not at all: older Gloss versions read a folder without meta.json as unfinished.
    ['meta.json', serializeStoredFile('meta', meta)],
  ];
  const staging = join(ctx.tmpDir, `incoming-${summary.id}-${randomBytes(4).toString('hex')}`);
  const signatures = new Map<string, FileSignature>();
  try {
    await fs.mkdir(staging, { recursive: true });
    for (const [name, data] of files) {
      const fh = await fs.open(join(staging, name), 'wx', 0o644);
      try {
        await fh.writeFile(data);
        await fh.sync();
        signatures.set(name, signatureOf(await fh.stat()));
      } finally {
        await fh.close();
      }
    }
    await syncDir(fs, staging);
    await fs.mkdir(ctx.articlesDir, { recursive: true });
    await fs.rename(staging, ctx.folder(summary.id));
    // The folder's own entry must survive a power cut too, not just the files inside it.
    await syncDir(fs, ctx.articlesDir);
    await syncDir(fs, ctx.dir);
  } catch (e) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    if (isNotWritableError(e)) ctx.status.notWritable = true;
    throw new AppError(
      'storage_failed',
      `“${title}” was not imported: Gloss could not write it to the library (${describeFsError(e)}). Nothing was added; the library is as it was.`,
    );
  }
  return { content, state, meta, signatures };
}
