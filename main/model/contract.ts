// THE contract between the renderer and the main process.
//
// Every operation the UI can ask for is declared here once, as types. The main
// process implements it as one handler table (api/handlers.ts); Electron IPC and
// the browser-mode HTTP server both serve that table through api/dispatch.ts,
// and the renderer talks to it through a Proxy typed `GlossApi`.
//
// Rules: each method takes one JSON-serialisable object and returns one promise;
// dates are ISO strings; no classes cross the wire. This file imports nothing.

export const API_CHANNEL = 'gloss:api';

// ---------------------------------------------------------------- errors

export type ErrorCode =
  | 'invalid_input' // the request itself is malformed (wrong type, bad path)
  | 'not_found'
  | 'conflict' // e.g. the file changed on disk since we read it
  | 'unsupported_file' // binary, wrong type, invalid encoding, no readable article
  | 'empty_file'
  | 'too_large'
  | 'storage_failed' // disk full, read-only library: the change is kept in memory
  | 'not_supported' // this transport cannot do that (e.g. a native dialog in browser mode)
  | 'cancelled'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  /** One sentence a user can read, naming the file or article concerned. */
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

// ---------------------------------------------------------------- articles

export const SOURCE_FORMATS = ['txt', 'md', 'html', 'epub', 'pdf', 'paste-text', 'paste-html'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** The file names the file pickers offer; anything dropped is sniffed by the importer anyway. */
export const IMPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'epub', 'pdf'] as const;

/** Metadata the user may edit afterwards. */
export interface ArticleMetaPatch {
  title?: string;
  author?: string | null;
  site?: string | null;
  published?: string | null; // ISO date or the phrase found in the page
  sourceUrl?: string | null;
  language?: string | null;
  tags?: string[];
  shelf?: ArticleShelf;
  favorite?: boolean;
}

/**
 * Where an article sits in the reader's flow: it arrives in the inbox and is archived once read.
 * Favorites cut across both (a flag, not a third shelf); topics are article tags.
 */
export const ARTICLE_SHELVES = ['inbox', 'archive'] as const;
export type ArticleShelf = (typeof ARTICLE_SHELVES)[number];

/** What the library view needs: small, one per article, kept in the index. */
export interface ArticleSummary {
  id: string;
  title: string;
  author: string | null;
  site: string | null;
  published: string | null;
  /** Original file path, or URL when the page declared one, or null for a paste. */
  source: string | null;
  sourceUrl: string | null;
  format: SourceFormat;
  added: string; // ISO timestamp
  wordCount: number;
  readingMinutes: number;
  language: string | null;
  tags: string[];
  /** 0..1, how far the reader has scrolled. */
  progress: number;
  highlightCount: number;
  shelf: ArticleShelf;
  favorite: boolean;
  /** When the reader last opened it (ISO timestamp); null until then, shown as "New". */
  opened: string | null;
  /** SHA-256 (hex) of the imported source bytes: duplicate detection and export provenance. */
  sourceSha256: string;
}

/** An article's source PDF, as it was imported (base64, so that it crosses any transport as JSON). */
export interface PdfSource {
  dataBase64: string;
  /** The length of the decoded bytes. */
  byteLength: number;
}

/** Why the importer set a passage of the source aside (reader mode for text and pages). */
export const REMOVAL_REASONS = [
  'title', // the headline, shown above the article
  'repeat', // another copy of the title or the standfirst
  'navigation', // site menus, breadcrumbs, links before the headline
  'label', // a section label ("Features", "Analysis")
  'byline', // "By …": shown above the article as its author
  'dateline', // the date line: shown above the article
  'share', // share, follow, subscribe lines
  'related', // "Related" / "Recent" lists
  'ad', // advertisements and house promotions
  'comments', // the comments section
  'footer', // copyright and legal lines
  'page', // other page furniture around the article
] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

/** A passage of the source that is not in the article's text; the reader can show it and put it back. */
export interface RemovedPassage {
  /** Offset in `text` where the passage stood (the start of the block that followed it, or the end). */
  at: number;
  /** The passage as the source has it. */
  text: string;
  reason: RemovalReason;
}

export interface Article extends ArticleSummary {
  /** Sanitized HTML body. Its text content equals `text` exactly. */
  html: string;
  /** The canonical plain text: annotation offsets and entity offsets index into it. */
  text: string;
  /** What reader mode set aside, in order; absent when nothing was. */
  removed?: RemovedPassage[];
  textSha256: string;
  /** Reading position as an offset into `text` (start of the first visible block). */
  position: number;
  /** The article-level note (Markdown). */
  note: string;
}

// ---------------------------------------------------------------- import

/** A file handed over by the renderer (file input, drag and drop). */
export interface IncomingFile {
  name: string;
  /** The file's bytes, base64-encoded. */
  dataBase64: string;
  /** Where the file came from, when the platform knows (Electron drag and drop). */
  path?: string;
}

export type ImportOutcome =
  | {
      status: 'imported';
      article: ArticleSummary;
      /** Imported, but the user should know (e.g. almost no readable text). */
      warning?: string;
    }
  | { status: 'duplicate'; existing: ArticleSummary; name: string }
  | { status: 'rejected'; name: string; error: ApiError };

// ---------------------------------------------------------------- annotations (W3C Web Annotation model)

/** The highlight colors, in the order the UI offers them. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface AnnotationTarget {
  source: string; // the article id
  selector: [TextPositionSelector, TextQuoteSelector];
}

export interface AnnotationBody {
  color: HighlightColor;
  /** Markdown. */
  note: string;
  tags: string[];
}

export type AnchorStatus = 'anchored' | 'moved' | 'orphan';

export interface Annotation {
  id: string;
  created: string;
  modified: string;
  target: AnnotationTarget;
  body: AnnotationBody;
  /** Set by re-anchoring: 'moved' when found by fuzzy match, 'orphan' when not found. */
  status: AnchorStatus;
}

export interface NewAnnotation {
  articleId: string;
  start: number;
  end: number;
  color: HighlightColor;
  note?: string;
  tags?: string[];
}

export interface AnnotationPatch {
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

export interface LibraryAnnotationHit {
  article: Pick<ArticleSummary, 'id' | 'title'>;
  annotation: Annotation;
}

/** The library's highlights that match a query: the first ones, and how many there are in all. */
export interface LibraryAnnotationSearch {
  /** At most the `limit` asked for: articles in library order, each one's highlights in document order. */
  hits: LibraryAnnotationHit[];
  /** Every highlight that matched, and the number of articles they are in. */
  total: number;
  articles: number;
}

// ---------------------------------------------------------------- entities

/** The entity types, in the sidebar's order. */
export const ENTITY_TYPES = ['person', 'organization', 'place', 'date', 'figure'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface Mention {
  start: number;
  end: number;
  text: string;
}

export interface Entity {
  /** Stable key within the library: `${type}:${normalized canonical name}`. */
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Mention[];
  /**
   * Dates: the resolved ISO date when the text allows (YYYY-MM-DD, YYYY-MM or YYYY), or for a
   * period such as "the past 12 months" an ISO 8601 interval of two ("2023-05/2024-05").
   */
  resolved?: string | null;
  /** True when the entity exists because of a user correction. */
  userDefined?: boolean;
}

export type EntityCorrection =
  | { kind: 'add'; name: string; type: EntityType }
  | { kind: 'rename'; key: string; name: string }
  | { kind: 'retype'; key: string; type: EntityType }
  | { kind: 'merge'; key: string; into: string }
  | { kind: 'split'; key: string; alias: string }
  | { kind: 'hide'; key: string };

export interface StoredCorrection {
  id: string;
  created: string;
  correction: EntityCorrection;
}

export interface LibraryEntity {
  key: string;
  name: string;
  type: EntityType;
  articleCount: number;
  mentionCount: number;
}

export interface EntityOccurrence {
  article: Pick<ArticleSummary, 'id' | 'title'>;
  mention: Mention;
  sentence: string;
}

// ---------------------------------------------------------------- export

export interface ExportOptions {
  mode?: 'full' | 'highlights';
  groupBy?: 'position' | 'color';
  entities?: boolean;
  wikilinks?: boolean;
  /** Write a local file's full path as `source` (by default only its name, so no path leaks). */
  sourcePath?: boolean;
}

export interface ExportResult {
  path: string;
  /** One sentence: where the file went, which of your edits in the earlier file were taken in, what was kept aside. */
  message: string;
}

/** Many articles as one vault: written into a folder the user chose, or packed as a zip to download. */
export type VaultExport =
  | { kind: 'folder'; articles: number; message: string }
  | { kind: 'zip'; articles: number; message: string; fileName: string; dataBase64: string };

export interface TaskProgress {
  done: number;
  total: number;
}

export interface AnnotationImport {
  added: Annotation[];
  /** One sentence: how many were added, how many skipped and why (page notes, replies, no text selector, duplicates). */
  message: string;
}

export interface MarkdownFile {
  fileName: string;
  markdown: string;
  /** Set when an earlier export was given: the one sentence saying what of its edits was taken in. */
  message?: string;
}

// ---------------------------------------------------------------- library search

/** A piece of text around a hit, with each hit's [start, end) within it. */
export interface SearchSnippet {
  text: string;
  marks: Array<[number, number]>;
}

export type SearchHit =
  /** Words in the article's text, at [start, end) of its canonical text. */
  | { kind: 'text'; start: number; end: number; snippet: SearchSnippet }
  | {
      kind: 'highlight';
      annotationId: string;
      color: HighlightColor;
      start: number;
      end: number;
      snippet: SearchSnippet;
    }
  /** The title, author, site or tags matched. */
  | { kind: 'details'; snippet: SearchSnippet };

export interface LibrarySearchResult {
  article: ArticleSummary;
  score: number;
  hits: SearchHit[];
}

export interface LibrarySearch {
  results: LibrarySearchResult[];
  /** Articles matched in all (results holds the first `limit`). */
  total: number;
  /** Something about the query to tell the user ("purple-ish" is not a highlight color), or null. */
  note: string | null;
}

// ---------------------------------------------------------------- settings and app

export const THEMES = ['light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const READER_FONTS = ['serif', 'sans'] as const;
export type ReaderFont = (typeof READER_FONTS)[number];
export const LIBRARY_SORTS = ['added', 'title', 'progress'] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
/** The reading settings' number ranges, checked where a patch arrives. */
export const FONT_SIZE_RANGE = [12, 40] as const;
export const LINE_HEIGHT_RANGE = [1, 2.5] as const;

export interface ReaderSettings {
  theme: Theme;
  font: ReaderFont;
  fontSize: number; // px
  lineHeight: number; // unitless
  librarySort: LibrarySort;
  lastColor: HighlightColor;
}

export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface AppInfo {
  version: string;
  libraryDir: string;
  /** True when the transport can show native open/save dialogs (Electron). */
  nativeDialogs: boolean;
  /** True when the library could not be written and changes are held in memory. */
  readOnly: boolean;
}

// ---------------------------------------------------------------- the API

export interface GlossApi {
  // app
  getAppInfo(input: Record<string, never>): Promise<AppInfo>;
  /** Messages the user must see: files moved aside as corrupt, unsaved changes. Drained on read. */
  takeNotices(input: Record<string, never>): Promise<Notice[]>;
  getSettings(input: Record<string, never>): Promise<ReaderSettings>;
  updateSettings(input: Partial<ReaderSettings>): Promise<ReaderSettings>;
  /** Opens an https: or mailto: URL in the system browser (Electron only; the renderer confirms first). */
  openExternal(input: { url: string }): Promise<void>;

  // library
  listArticles(input: Record<string, never>): Promise<ArticleSummary[]>;
  getArticle(input: { id: string }): Promise<Article>;
  updateArticleMeta(input: { id: string; patch: ArticleMetaPatch }): Promise<ArticleSummary>;
  /** Moves the article to the library's trash; restoreArticle undoes it. */
  deleteArticle(input: { id: string }): Promise<void>;
  restoreArticle(input: { id: string }): Promise<ArticleSummary>;
  saveReadingPosition(input: { id: string; position: number; progress: number }): Promise<void>;
  setArticleNote(input: { id: string; note: string }): Promise<void>;
  /** The PDF a PDF article was imported from, byte for byte: the reader draws its pages. */
  getPdfSource(input: { id: string }): Promise<PdfSource>;
  /** Called by the reader when it shows the article: the library stops calling it "New". */
  markArticleOpened(input: { id: string }): Promise<ArticleSummary>;

  // import
  /** `batch`: the caller's name for the import these files belong to, so that cancelImports can stop it. */
  importFiles(input: { files: IncomingFile[]; allowDuplicate?: boolean; batch?: string }): Promise<ImportOutcome[]>;
  /** `allowDuplicate`: import even when the same pasted source is already in the library ("Import anyway"). */
  importPaste(input: { text?: string; html?: string; allowDuplicate?: boolean }): Promise<ImportOutcome>;
  /**
   * Stops the import `batch`: each of its files not yet in, read now or sent later (a request may
   * arrive after this one), comes back rejected with the code 'cancelled'. Files being read for
   * other imports are stopped too, and come back the same way.
   */
  cancelImports(input: { batch: string }): Promise<void>;
  /** Electron: native open dialog, then import. Browser mode: not_supported. */
  importWithDialog(input: Record<string, never>): Promise<ImportOutcome[]>;
  /** Puts a passage reader mode removed (`article.removed[index]`) back into the article; re-anchors annotations. */
  keepRemovedText(input: { id: string; index: number }): Promise<{ article: Article; annotations: Annotation[] }>;
  /** Re-imports a newer version of the article's source and re-anchors its annotations. */
  updateFromFile(input: { id: string; file: IncomingFile }): Promise<{ article: Article; annotations: Annotation[] }>;

  // annotations
  listAnnotations(input: { articleId: string }): Promise<Annotation[]>;
  createAnnotation(input: NewAnnotation): Promise<Annotation>;
  updateAnnotation(input: { articleId: string; id: string; patch: AnnotationPatch }): Promise<Annotation>;
  deleteAnnotation(input: { articleId: string; id: string }): Promise<void>;
  /** Puts back an annotation exactly as it was (undo of a delete). */
  restoreAnnotation(input: { articleId: string; annotation: Annotation }): Promise<Annotation>;
  /** Highlights and notes over the whole library holding every word of `query` (all of them when empty). */
  searchAnnotations(input: { query: string; limit?: number }): Promise<LibraryAnnotationSearch>;

  // search
  /** Words, "phrases" and tag:/color:/author:/site:/entity: filters over the whole library, best first. */
  searchLibrary(input: { query: string; limit?: number }): Promise<LibrarySearch>;
  /** How far the search index has got while it is being built; null when it is ready. */
  getSearchProgress(input: Record<string, never>): Promise<TaskProgress | null>;
  listTags(input: Record<string, never>): Promise<string[]>;

  // entities
  getEntities(input: { articleId: string }): Promise<Entity[]>;
  correctEntity(input: { correction: EntityCorrection }): Promise<StoredCorrection>;
  listCorrections(input: Record<string, never>): Promise<StoredCorrection[]>;
  undoCorrection(input: { id: string }): Promise<void>;
  listLibraryEntities(input: Record<string, never>): Promise<LibraryEntity[]>;
  getEntityOccurrences(input: { key: string }): Promise<EntityOccurrence[]>;

  // export
  /** With `existing` (an earlier export's text), the user's edits in it are taken in first. */
  exportMarkdown(input: { articleId: string; options?: ExportOptions; existing?: string }): Promise<MarkdownFile>;
  /** Electron: native save dialog, then write. Browser mode: not_supported (the renderer downloads). */
  saveExportWithDialog(input: { articleId: string; options?: ExportOptions }): Promise<ExportResult>;
  exportAnnotationsJsonLd(input: { articleId: string }): Promise<MarkdownFile>;
  /** The article's highlights as Markdown for the clipboard: quotes, colors, pages, tags, notes. */
  copyHighlights(input: { articleId: string }): Promise<{ markdown: string; count: number }>;
  importAnnotationsJsonLd(input: { articleId: string; json: string }): Promise<AnnotationImport>;
  /** Articles as an Obsidian vault: into a folder picked in a native dialog (Electron), else a zip. */
  exportVault(input: { articleIds: string[]; options?: ExportOptions }): Promise<VaultExport>;
  /** How far the vault export under way has got; null when none is running. */
  getVaultExportProgress(input: Record<string, never>): Promise<TaskProgress | null>;
}

export type ApiMethod = keyof GlossApi;
export type ApiInput<M extends ApiMethod> = Parameters<GlossApi[M]>[0];
export type ApiOutput<M extends ApiMethod> = Awaited<ReturnType<GlossApi[M]>>;
