// Upgrades of on-disk files, one step per schema version. Version 0 is the
// prototype layout, which had no `schemaVersion` field at all.
import { DEFAULT_SETTINGS, SCHEMA_VERSION, type FileKind } from './file-schemas';

type Raw = Record<string, unknown>;
/** Turns a file of version N into version N + 1. */
type Migration = (raw: unknown) => Raw;

/** v1 summaries had no shelf, favorite or opened time: an article with reading progress had been opened. */
function summaryV2(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const s = raw as Raw;
  const opened = typeof s.progress === 'number' && s.progress > 0 && typeof s.added === 'string' ? s.added : null;
  return { shelf: 'inbox', favorite: false, opened, ...s };
}

const bump = (raw: unknown): Raw => ({ ...obj(raw), schemaVersion: 2 });

function obj(raw: unknown): Raw {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new MigrationError('is not an object');
  return raw as Raw;
}

export const MIGRATIONS: { [K in FileKind]: Record<number, Migration> } = {
  index: {
    // v0 was `{ articles }`, or a bare list of summaries; it had no trash.
    0: (raw) => {
      const o = Array.isArray(raw) ? { articles: raw } : obj(raw);
      return { ...o, trash: o.trash ?? [], schemaVersion: 1 };
    },
    1: (raw) => {
      const o = obj(raw);
      const trash = Array.isArray(o.trash)
        ? o.trash.map((t: unknown) =>
            t && typeof t === 'object' ? { ...t, summary: summaryV2((t as Raw).summary) } : t,
          )
        : o.trash;
      return {
        ...o,
        articles: Array.isArray(o.articles) ? o.articles.map(summaryV2) : o.articles,
        trash,
        schemaVersion: 2,
      };
    },
  },
  content: {
    0: (raw) => ({ ...obj(raw), summary: obj(raw).summary ?? null, schemaVersion: 1 }),
    1: (raw) => ({ ...bump(raw), summary: obj(raw).summary ? summaryV2(obj(raw).summary) : null }),
  },
  state: {
    // v0 kept no reading position.
    0: (raw) => ({ ...obj(raw), position: obj(raw).position ?? 0, schemaVersion: 1 }),
    1: bump,
  },
  meta: {
    0: (raw) => ({ ...obj(raw), trashedAt: obj(raw).trashedAt ?? null, schemaVersion: 1 }),
    1: (raw) => ({ ...bump(raw), summary: summaryV2(obj(raw).summary) }),
  },
  settings: {
    // v0 stored the settings flat, and only those the user had changed.
    0: (raw) => ({ schemaVersion: 1, settings: { ...DEFAULT_SETTINGS, ...obj(raw) } }),
    1: bump,
  },
  entities: {
    // v0 was a bare list of corrections.
    0: (raw) => {
      if (!Array.isArray(raw)) throw new MigrationError('is not a list of corrections');
      return { schemaVersion: 1, corrections: raw };
    },
    1: bump,
  },
};

export class MigrationError extends Error {}

/** The file was written by a newer Gloss: readable perhaps, but we must not rewrite it. */
export class NewerVersionError extends Error {
  constructor(readonly version: number) {
    super(`schema version ${version} is newer than ${SCHEMA_VERSION}`);
  }
}

function versionOf(raw: unknown): number {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw) && 'schemaVersion' in raw) {
    const v = (raw as Raw).schemaVersion;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
    throw new MigrationError('has an invalid schemaVersion');
  }
  return 0;
}

/** Applies every step from the file's version up to the current one. */
export function migrate(kind: FileKind, raw: unknown): { data: unknown; fromVersion: number } {
  const fromVersion = versionOf(raw);
  if (fromVersion > SCHEMA_VERSION) throw new NewerVersionError(fromVersion);
  let data = raw;
  for (let v = fromVersion; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[kind][v];
    if (!step) throw new MigrationError(`has schema version ${v}, which has no upgrade`);
    data = step(data);
  }
  return { data, fromVersion };
}
