// The shape of the library on disk, as the services see it. The storage module
// (library-store.ts) implements `LibraryStore`; services never touch files.
//
// Layout of a library folder:
//   library.json                 index: schemaVersion + ArticleSummary[] (+ trashed ids)
//   settings.json                ReaderSettings
//   entities.json                the user's entity corrections (their gazetteer)
//   articles/<id>/content.json   ArticleContent (sanitized html, canonical text)
//   articles/<id>/state.json     ArticleState (annotations, article note, reading position)
//   articles/<id>/source.<ext>   the imported bytes, untouched
//   articles/<id>/meta.json      copy of the article's index entry (rebuilds a lost library.json)
//   .tmp/                        temp files of atomic writes in flight; emptied at open
//   backups/                     rolling copies of the files above
//   .lock                        held by the one process that writes
import type {
  Annotation,
  ArticleSummary,
  Notice,
  ReaderSettings,
  RemovedPassage,
  StoredCorrection,
} from '../model/contract';

export interface ArticleContent {
  html: string;
  text: string;
  textSha256: string;
  /** What reader mode set aside (absent when nothing was). */
  removed?: RemovedPassage[];
}

export interface ArticleState {
  annotations: Annotation[];
  note: string;
  /** Offset into the canonical text of the first visible block. */
  position: number;
}

export interface NewStoredArticle {
  summary: ArticleSummary;
  content: ArticleContent;
  source: { bytes: Uint8Array; ext: string };
  state?: ArticleState;
}

/** A new text for an article, with what follows from it, written as one unit. */
export interface TextUpdate {
  content: ArticleContent;
  source?: { bytes: Uint8Array; ext: string };
  /** The annotations (and position) re-anchored from the old text to the new. */
  state?: (state: ArticleState, oldText: string) => ArticleState;
  summary?: Partial<Omit<ArticleSummary, 'id'>>;
}

export interface LibraryStore {
  readonly dir: string;
  /** True when the library folder cannot be written; changes are then kept in memory. */
  readonly readOnly: boolean;

  listSummaries(): ArticleSummary[];
  getSummary(id: string): ArticleSummary | undefined;
  findBySourceSha256(sha256: string): ArticleSummary | undefined;

  addArticle(article: NewStoredArticle): Promise<void>;
  updateSummary(id: string, patch: Partial<Omit<ArticleSummary, 'id'>>): Promise<ArticleSummary>;
  getContent(id: string): Promise<ArticleContent>;
  replaceContent(id: string, content: ArticleContent, source?: { bytes: Uint8Array; ext: string }): Promise<void>;
  /** "Update from file": text, source, re-anchored annotations and details in one atomic change. */
  updateText(id: string, update: TextUpdate): Promise<{ summary: ArticleSummary; state: ArticleState }>;
  getState(id: string): Promise<ArticleState>;
  /** Read-modify-write of one article's state; writes are serialised per article. */
  updateState(id: string, change: (state: ArticleState) => ArticleState): Promise<ArticleState>;
  /**
   * Changes whenever this process writes the article's state (annotations, note, position), so
   * in-memory indexes over states know what to read again. Another process cannot write a library
   * this one holds the lock of.
   */
  stateVersion(id: string): number;
  /**
   * A stamp of the article's state file as it is on disk (size, time, inode), or null when there is
   * none. Every write changes it, this process's or another's: a check across runs without reading it.
   */
  stateStamp(id: string): Promise<string | null>;
  /** The same stamp for the article's text file (content.json): every new text changes it. */
  contentStamp(id: string): Promise<string | null>;
  /** Changes whenever this process writes anything of any article (details, text, state, trash). */
  changeCount(): number;
  readSource(id: string): Promise<{ bytes: Uint8Array; ext: string }>;

  /** Soft delete: the article leaves the index but its files stay until purged. */
  trashArticle(id: string): Promise<void>;
  restoreArticle(id: string): Promise<ArticleSummary>;

  getSettings(): ReaderSettings;
  updateSettings(patch: Partial<ReaderSettings>): Promise<ReaderSettings>;

  getCorrections(): StoredCorrection[];
  setCorrections(corrections: StoredCorrection[]): Promise<void>;

  /** Messages for the user (files quarantined, unsaved changes); drained on read. */
  takeNotices(): Notice[];
  /** Tells the user something at the next takeNotices (a rebuild, a repair done above the store). */
  notify(level: Notice['level'], message: string): void;
  /** Waits for every pending write. */
  flush(): Promise<void>;
  /** Flushes, then releases the lock file. */
  close(): Promise<void>;
}
