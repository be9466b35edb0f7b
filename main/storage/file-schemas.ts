// The JSON files of a library folder, their current schema, and the shape
// checks run on every read. A file that fails its check is never trusted.
import { ENTITY_TYPES, HIGHLIGHT_COLORS, THEMES } from '../model/contract';
import {
  REMOVAL_REASONS,
  type Annotation,
  type ArticleSummary,
  type ReaderSettings,
  type RemovedPassage,
  type StoredCorrection,
} from '../model/contract';

export const SCHEMA_VERSION = 1;

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
// Each returns null, or where and what the first problem is (" is not a string",
// ".body.color is not one of …"): paths are built only on failure, since state
// files with a thousand annotations are checked on every write.

type Check = (v: unknown) => string | null;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const str: Check = (v) => (typeof v === 'string' ? null : ' is not a string');
const nstr: Check = (v) => (v === null || typeof v === 'string' ? null : ' is not a string or null');
const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : ' is not a number');
const optNum: Check = (v) => (v === undefined ? null : num(v));
const strArr: Check = (v) => {
  if (!Array.isArray(v)) return ' is not a list of strings';
  for (const x of v) if (typeof x !== 'string') return ' is not a list of strings';
  return null;
};
const oneOf = (values: readonly string[]): Check => {
  const set = new Set(values);
  return (v) => (typeof v === 'string' && set.has(v) ? null : ` is not one of ${values.join(', ')}`);
};

function fields(spec: Record<string, Check>): Check {
  const entries = Object.entries(spec);
  return (v) => {
    if (!isObj(v)) return ' is not an object';
    for (const [key, check] of entries) {
      const problem = check(v[key]);
      if (problem) return `.${key}${problem}`;
    }
    return null;
  };
}

function list(item: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return ' is not a list';
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i]);
      if (problem) return `[${i}]${problem}`;
    }
    return null;
  };
}

/** `describeProblem('summary', checkSummary, v)` → null, or "summary.title is not a string". */
export function describeProblem(name: string, check: Check, v: unknown): string | null {
  const problem = check(v);
  return problem ? `${name}${problem}` : null;
}

const FORMATS = ['txt', 'md', 'html', 'paste-text', 'paste-html'] as const;
const COLORS = HIGHLIGHT_COLORS;

export const checkSummary: Check = fields({
  id: str,
  title: str,
  author: nstr,
  site: nstr,
  published: nstr,
  source: nstr,
  sourceUrl: nstr,
  format: oneOf(FORMATS),
  added: str,
  wordCount: num,
  readingMinutes: num,
  language: nstr,
  tags: strArr,
  progress: num,
  highlightCount: num,
  sourceSha256: str,
});

const selectorPair: Check = (s) => {
  if (!Array.isArray(s) || s.length !== 2) return ' is not a pair of selectors';
  const a = positionSelector(s[0]);
  if (a) return `[0]${a}`;
  const b = quoteSelector(s[1]);
  return b ? `[1]${b}` : null;
};
const positionSelector = fields({ type: oneOf(['TextPositionSelector']), start: num, end: num });
const quoteSelector = fields({ type: oneOf(['TextQuoteSelector']), exact: str, prefix: str, suffix: str });

const checkAnnotation: Check = fields({
  id: str,
  created: str,
  modified: str,
  status: oneOf(['anchored', 'moved', 'orphan']),
  body: fields({ color: oneOf(COLORS), note: str, tags: strArr }),
  target: fields({ source: str, selector: selectorPair }),
});

const CORRECTION_FIELDS: Record<string, Check> = {
  add: fields({ name: str, type: oneOf(ENTITY_TYPES) }),
  rename: fields({ key: str, name: str }),
  retype: fields({ key: str, type: oneOf(ENTITY_TYPES) }),
  merge: fields({ key: str, into: str }),
  split: fields({ key: str, alias: str }),
  hide: fields({ key: str }),
};
const correctionKind = fields({ kind: oneOf(Object.keys(CORRECTION_FIELDS)) });
const checkCorrection: Check = (v) => correctionKind(v) ?? CORRECTION_FIELDS[(v as { kind: string }).kind]!(v);

export const checkStoredCorrection: Check = fields({ id: str, created: str, correction: checkCorrection });

export const checkSettings: Check = fields({
  theme: oneOf(THEMES),
  font: oneOf(['serif', 'sans']),
  fontSize: num,
  lineHeight: num,
  librarySort: oneOf(['added', 'title', 'progress']),
  lastColor: oneOf(COLORS),
});

const version: Check = (v) => (v === SCHEMA_VERSION ? null : ` is not ${SCHEMA_VERSION}`);

const KIND_CHECKS: { [K in FileKind]: Check } = {
  index: fields({
    schemaVersion: version,
    articles: list(checkSummary),
    trash: list(fields({ summary: checkSummary, trashedAt: str })),
  }),
  content: fields({
    schemaVersion: version,
    summary: (s) => (s === null ? null : checkSummary(s)),
    html: str,
    text: str,
    textSha256: str,
    removed: (v) => (v === undefined ? null : list(fields({ at: num, text: str, reason: oneOf(REMOVAL_REASONS) }))(v)),
  }),
  state: fields({
    schemaVersion: version,
    annotations: list(checkAnnotation),
    note: str,
    position: num,
    progress: optNum,
  }),
  meta: fields({ schemaVersion: version, summary: checkSummary, trashedAt: nstr }),
  settings: fields({ schemaVersion: version, settings: checkSettings }),
  entities: fields({ schemaVersion: version, corrections: list(checkStoredCorrection) }),
};

/** Checks a whole file: null, or "file.annotations[3].body.color is not one of …". */
export const FILE_CHECKS = Object.fromEntries(
  Object.entries(KIND_CHECKS).map(([kind, check]) => [kind, (v: unknown) => describeProblem('file', check, v)]),
) as { [K in FileKind]: (v: unknown) => string | null };
