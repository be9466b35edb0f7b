// One article's files (content.json, state.json, meta.json, source.<ext>):
// created, or loaded once and checked, with damaged files recovered from
// backups and files of a newer Gloss refused.
import { join } from 'node:path';
import { AppError } from '../model/errors';
import { AtomicBytesFile } from './atomic-bytes-file';
import { AtomicJsonFile } from './atomic-json-file';
import type { ArticleCache, ArticleFiles } from './article-cache';
import { loadStoredFile } from './file-recovery';
import { SCHEMA_VERSION, type ContentFile, type MetaFile, type StateFile } from './file-schemas';
import type { LibraryIndex } from './library-index';
import { emptyState } from './store-copies';
import type { StoreContext } from './store-context';
import { StoredFile } from './stored-file';

const SOURCE_NAME = /^source\.([A-Za-z0-9]{1,16})$/;

export class ArticleFileLoader {
  constructor(
    private readonly ctx: StoreContext,
    private readonly index: LibraryIndex,
    private readonly cache: ArticleCache,
  ) {}

  /** A content.json holding `data`, not yet written; `label` defaults to the article's current title. */
  newContentFile(id: string, data: ContentFile, label?: () => string): StoredFile<ContentFile> {
    return new StoredFile<ContentFile>(
      new AtomicJsonFile(join(this.ctx.folder(id), 'content.json'), 'content', this.ctx.env),
      data,
      this.ctx.status,
      { label: label ?? (() => `the text of ${this.index.titleOf(id)}`) },
    );
  }

  /** A state.json holding `data`, not yet written; `label` defaults to the article's current title. */
  newStateFile(id: string, data: StateFile, label?: () => string): StoredFile<StateFile> {
    return new StoredFile<StateFile>(
      new AtomicJsonFile(join(this.ctx.folder(id), 'state.json'), 'state', this.ctx.env),
      data,
      this.ctx.status,
      { label: label ?? (() => `the annotations of ${this.index.titleOf(id)}`) },
    );
  }

  sourceFile(id: string, ext: string, bytes: Uint8Array): StoredFile<Uint8Array> {
    return new StoredFile<Uint8Array>(
      new AtomicBytesFile(join(this.ctx.folder(id), `source.${ext}`), this.ctx.blindEnv),
      bytes,
      this.ctx.status,
      {
        label: () => `the source file of ${this.index.titleOf(id)}`,
      },
    );
  }

  stateFile(id: string, entry: ArticleFiles): Promise<StoredFile<StateFile>> {
    if (entry.state) return Promise.resolve(entry.state);
    return this.cache.once(entry, 'state', async () => {
      const file = this.newStateFile(id, emptyState());
      const r = await loadStoredFile(this.ctx.recovery, file, 'state');
      if (r.status === 'newer') {
        throw new AppError(
          'unsupported_file',
          `The annotations of ${this.index.titleOf(id)} were saved by a newer version of Gloss; update Gloss to open this article.`,
        );
      }
      await this.ctx.persistLoaded(file, r);
      entry.state = file;
      return file;
    });
  }

  contentFile(id: string, entry: ArticleFiles): Promise<StoredFile<ContentFile>> {
    if (entry.content) return Promise.resolve(entry.content);
    return this.cache.once(entry, 'content', async () => {
      const file = this.newContentFile(id, {
        schemaVersion: SCHEMA_VERSION,
        summary: null,
        html: '',
        text: '',
        textSha256: '',
      });
      const r = entry.contentLost
        ? ({ status: 'lost', movedTo: entry.contentLost } as const)
        : await loadStoredFile(this.ctx.recovery, file, 'content');
      const title = this.index.titleOf(id);
      switch (r.status) {
        case 'newer':
          throw new AppError(
            'unsupported_file',
            `The text of ${title} was saved by a newer version of Gloss; update Gloss to open this article.`,
          );
        case 'missing':
          throw new AppError(
            'not_found',
            `The text of ${title} is missing from the library folder (articles/${id}/content.json).`,
          );
        case 'lost':
          entry.contentLost = r.movedTo ?? 'content.json';
          throw new AppError(
            'internal',
            `The text of ${title} is damaged (kept as articles/${id}/${entry.contentLost}) and no backup exists; re-import the article from its source.`,
          );
        default:
          await this.ctx.persistLoaded(file, r);
          entry.content = file;
          return file;
      }
    });
  }

  metaFile(id: string, entry: ArticleFiles): StoredFile<MetaFile> {
    if (entry.meta) return entry.meta;
    const adapter = new AtomicJsonFile(join(this.ctx.folder(id), 'meta.json'), 'meta', this.ctx.blindEnv);
    const file: StoredFile<MetaFile> = new StoredFile<MetaFile>(adapter, null as unknown as MetaFile, this.ctx.status, {
      label: () => `the details of ${this.index.titleOf(id)}`,
      // A derived copy of the index entry: always ours to rewrite; `undefined` skips the write once purged.
      prepare: () => this.index.metaData(id) as MetaFile,
      resolveConflict: async () => {
        adapter.signature = undefined;
        return true;
      },
    });
    entry.meta = file;
    return file;
  }

  /** The current text, or '' when content.json is missing or damaged (a new text heals it). */
  async contentText(id: string, entry: ArticleFiles): Promise<string> {
    try {
      return (await this.contentFile(id, entry)).data.text;
    } catch (e) {
      if (!(e instanceof AppError) || e.code === 'unsupported_file') throw e;
      return '';
    }
  }

  async readSourceBytes(id: string, ext: string): Promise<Uint8Array> {
    return new Uint8Array(await this.ctx.fs.readFile(join(this.ctx.folder(id), `source.${ext}`)));
  }

  async findSourceExt(id: string): Promise<string | null> {
    let names: string[];
    try {
      names = await this.ctx.fs.readdir(this.ctx.folder(id));
    } catch {
      return null;
    }
    for (const n of names) {
      const m = SOURCE_NAME.exec(n);
      if (m) return m[1]!;
    }
    return null;
  }
}
