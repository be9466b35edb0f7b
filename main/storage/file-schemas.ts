// The JSON files of a library folder, their current schema, and the shape
// checks run on every read. A file that fails its check is never trusted.
import {
  ANNOTATION_SHAPE,
  REMOVED_PASSAGE_SHAPE,
  SETTINGS_SHAPE,
  STORED_CORRECTION_SHAPE,
  SUMMARY_SHAPE,
} from '../model/shapes';
import {
  describeProblem,
  fields,
  list,
  literal,
  nstr,
  nullable,
  num,
  optional,
  str,
  type Check,
} from '../model/schema';
import type { Annotation, ArticleSummary, ReaderSettings, RemovedPassage, StoredCorrection } from '../model/contract';

export const SCHEMA_VERSION = 2;

export type FileKind = 'index' | 'content' | 'state' | 'meta' | 'settings' | 'entities';

export interface TrashEntry {
  summary: ArticleSummary;
  trashedAt: string;
}

export interface IndexFile {
  schemaVersion: number;
  articles: ArticleSummary[];
  trash: TrashEntry[];
}

export interface ContentFile {
  schemaVersion: number;
  /** The summary as of the last content write: a fallback for rebuilding the index. */
  summary: ArticleSummary | null;
  html: string;
  text: string;
  textSha256: string;
  /** Passages reader mode set aside; absent when none were. */
  removed?: RemovedPassage[];
}

export interface StateFile {
  schemaVersion: number;
  annotations: Annotation[];
  note: string;
  position: number;
  /** 0..1, how far the reader has scrolled: kept here, beside the position, and copied into the index. */
  progress?: number;
}

/** Per-article copy of its index entry, so a lost library.json can be rebuilt. */
export interface MetaFile {
  schemaVersion: number;
  summary: ArticleSummary;
  trashedAt: string | null;
}

export interface SettingsFile {
  schemaVersion: number;
  settings: ReaderSettings;
}

export interface EntitiesFile {
  schemaVersion: number;
  corrections: StoredCorrection[];
}

export interface FileKindMap {
  index: IndexFile;
  content: ContentFile;
  state: StateFile;
  meta: MetaFile;
  settings: SettingsFile;
  entities: EntitiesFile;
}

export const DEFAULT_SETTINGS: ReaderSettings = {
  theme: 'light',
  font: 'serif',
  fontSize: 19,
  lineHeight: 1.6,
  librarySort: 'added',
  lastColor: 'yellow',
};

// ---------------------------------------------------------------- checks
// The shapes are main/model/shapes.ts; here they are put together per file.

const version = literal(SCHEMA_VERSION);

const KIND_CHECKS: { [K in FileKind]: Check } = {
  index: fields({
    schemaVersion: version,
    articles: list(SUMMARY_SHAPE),
    trash: list(fields({ summary: SUMMARY_SHAPE, trashedAt: str })),
  }),
  content: fields({
    schemaVersion: version,
    summary: nullable(SUMMARY_SHAPE),
    html: str,
    text: str,
    textSha256: str,
    removed: optional(list(REMOVED_PASSAGE_SHAPE)),
  }),
  state: fields({
    schemaVersion: version,
    annotations: list(ANNOTATION_SHAPE),
    note: str,
    position: num,
    progress: optional(num),
  }),
  meta: fields({ schemaVersion: version, summary: SUMMARY_SHAPE, trashedAt: nstr }),
  settings: fields({ schemaVersion: version, settings: SETTINGS_SHAPE }),
  entities: fields({ schemaVersion: version, corrections: list(STORED_CORRECTION_SHAPE) }),
};

/** Checks a whole file: null, or "file.annotations[3].body.color is not one of …". */
export const FILE_CHECKS = Object.fromEntries(
  Object.entries(KIND_CHECKS).map(([kind, check]) => [kind, (v: unknown) => describeProblem('file', check, v)]),
) as { [K in FileKind]: (v: unknown) => string | null };
