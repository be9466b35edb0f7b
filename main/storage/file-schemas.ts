// The JSON files of a library folder, their current schema, and the shape
// checks run on every read. A file that fails its check is never trusted.
import type {
  Annotation,
  ArticleSummary,
  ReaderSettings,
  StoredCorrection,
} from '../api/contract';

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
}

export interface StateFile {
  schemaVersion: number;
  annotations: Annotation[];
  note: string;
  position: number;
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
// Each returns a short description of the first problem found, or null.

type Check = (v: unknown, at: string) => string | null;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const str: Check = (v, at) => (typeof v === 'string' ? null : `${at} is not a string`);
const nstr: Check = (v, at) => (v === null || typeof v === 'string' ? null : `${at} is not a string or null`);
const num: Check = (v, at) => (typeof v === 'number' && Number.isFinite(v) ? null : `${at} is not a number`);
const strArr: Check = (v, at) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : `${at} is not a list of strings`;
const oneOf =
  (values: readonly string[]): Check =>
  (v, at) =>
    typeof v === 'string' && values.includes(v) ? null : `${at} is not one of ${values.join(', ')}`;

function fields(v: unknown, at: string, spec: Record<string, Check>): string | null {
  if (!isObj(v)) return `${at} is not an object`;
  for (const [key, check] of Object.entries(spec)) {
    const problem = check(v[key], `${at}.${key}`);
    if (problem) return problem;
  }
  return null;
}

function list(v: unknown, at: string, item: Check): string | null {
  if (!Array.isArray(v)) return `${at} is not a list`;
  for (let i = 0; i < v.length; i++) {
    const problem = item(v[i], `${at}[${i}]`);
    if (problem) return problem;
  }
  return null;
}

const FORMATS = ['txt', 'md', 'html', 'paste-text', 'paste-html'] as const;
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
const ENTITY_TYPES = ['person', 'organization', 'place', 'date', 'figure'] as const;

export const checkSummary: Check = (v, at) =>
  fields(v, at, {
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

export const checkAnnotation: Check = (v, at) =>
  fields(v, at, {
    id: str,
    created: str,
    modified: str,
    status: oneOf(['anchored', 'moved', 'orphan']),
    body: (b, bat) => fields(b, bat, { color: oneOf(COLORS), note: str, tags: strArr }),
    target: (t, tat) =>
      fields(t, tat, {
        source: str,
        selector: (s, sat) => {
          if (!Array.isArray(s) || s.length !== 2) return `${sat} is not a pair of selectors`;
          return (
            fields(s[0], `${sat}[0]`, { type: oneOf(['TextPositionSelector']), start: num, end: num }) ??
            fields(s[1], `${sat}[1]`, { type: oneOf(['TextQuoteSelector']), exact: str, prefix: str, suffix: str })
          );
        },
      }),
  });

const checkCorrection: Check = (v, at) => {
  const base = fields(v, at, { kind: oneOf(['add', 'rename', 'retype', 'merge', 'split', 'hide']) });
  if (base || !isObj(v)) return base;
  switch (v.kind) {
    case 'add':
      return fields(v, at, { name: str, type: oneOf(ENTITY_TYPES) });
    case 'rename':
      return fields(v, at, { key: str, name: str });
    case 'retype':
      return fields(v, at, { key: str, type: oneOf(ENTITY_TYPES) });
    case 'merge':
      return fields(v, at, { key: str, into: str });
    case 'split':
      return fields(v, at, { key: str, alias: str });
    default:
      return fields(v, at, { key: str });
  }
};

export const checkStoredCorrection: Check = (v, at) =>
  fields(v, at, { id: str, created: str, correction: checkCorrection });

export const checkSettings: Check = (v, at) =>
  fields(v, at, {
    theme: oneOf(['light', 'sepia', 'dark']),
    font: oneOf(['serif', 'sans']),
    fontSize: num,
    lineHeight: num,
    librarySort: oneOf(['added', 'title', 'progress']),
    lastColor: oneOf(COLORS),
  });

const version: Check = (v, at) => (v === SCHEMA_VERSION ? null : `${at} is not ${SCHEMA_VERSION}`);

export const FILE_CHECKS: { [K in FileKind]: (v: unknown) => string | null } = {
  index: (v) =>
    fields(v, 'file', {
      schemaVersion: version,
      articles: (a, at) => list(a, at, checkSummary),
      trash: (t, at) => list(t, at, (e, eat) => fields(e, eat, { summary: checkSummary, trashedAt: str })),
    }),
  content: (v) =>
    fields(v, 'file', {
      schemaVersion: version,
      summary: (s, at) => (s === null ? null : checkSummary(s, at)),
      html: str,
      text: str,
      textSha256: str,
    }),
  state: (v) =>
    fields(v, 'file', {
      schemaVersion: version,
      annotations: (a, at) => list(a, at, checkAnnotation),
      note: str,
      position: num,
    }),
  meta: (v) => fields(v, 'file', { schemaVersion: version, summary: checkSummary, trashedAt: nstr }),
  settings: (v) => fields(v, 'file', { schemaVersion: version, settings: checkSettings }),
  entities: (v) =>
    fields(v, 'file', {
      schemaVersion: version,
      corrections: (c, at) => list(c, at, checkStoredCorrection),
    }),
};
