// A lowdb adapter that never trusts what it reads and never clobbers what it
// did not write. Unlike lowdb's JSONFile (steno) it fsyncs, uses unique temp
// names, validates on read and refuses to overwrite a file another program changed.
import type { Adapter } from 'lowdb';
import { FILE_CHECKS, type FileKind, type FileKindMap } from './file-schemas';
import { migrate, MigrationError } from './migrations';
import { sameSignature, signatureOf, writeFileAtomic, type FileSignature } from './atomic-write';
import { errorCode, type StoreFs } from './fs-facade';

/** The file exists but cannot be trusted: bad JSON, empty, NUL-filled, `null`, wrong shape. */
export class CorruptFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
    this.name = 'CorruptFileError';
  }
}

/** The file on disk is not the one we last read or wrote. */
export class ExternalChangeError extends Error {
  constructor(readonly path: string) {
    super(`${path} was changed by another program`);
    this.name = 'ExternalChangeError';
  }
}

export interface AtomicJsonFileEnv {
  fs: StoreFs;
  tmpDir: string;
  /** Called before a write replaces an existing file we know to be valid (rolling backups). */
  beforeReplace?: (path: string) => Promise<void>;
}

const PRETTY: ReadonlySet<FileKind> = new Set(['settings', 'entities', 'meta']);

/** The bytes Gloss writes for a file of `kind` (the small files people may read are indented). */
export function serializeStoredFile<K extends FileKind>(kind: K, data: FileKindMap[K]): string {
  return PRETTY.has(kind) ? JSON.stringify(data, null, 2) : JSON.stringify(data);
}

/** Parses, upgrades and checks the bytes of a stored file. Throws CorruptFileError or NewerVersionError. */
export function parseStoredFile<K extends FileKind>(
  kind: K,
  path: string,
  bytes: Uint8Array,
): {
  data: FileKindMap[K];
  fromVersion: number;
} {
  if (bytes.length === 0) throw new CorruptFileError(path, 'is empty');
  if (bytes.includes(0)) throw new CorruptFileError(path, 'contains NUL bytes');
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new CorruptFileError(path, 'is empty');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CorruptFileError(path, `is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (raw === null || typeof raw !== 'object')
    throw new CorruptFileError(path, `holds ${JSON.stringify(raw)} instead of data`);
  let migrated: { data: unknown; fromVersion: number };
  try {
    migrated = migrate(kind, raw);
  } catch (e) {
    if (e instanceof MigrationError) throw new CorruptFileError(path, e.message);
    throw e;
  }
  const problem = FILE_CHECKS[kind](migrated.data);
  if (problem) throw new CorruptFileError(path, `has the wrong shape (${problem})`);
  return { data: migrated.data as FileKindMap[K], fromVersion: migrated.fromVersion };
}

/**
 * Larger than any file of this kind Gloss writes (a 32 MB import makes a content.json of at most
 * about 200 MB; an index of 500,000 articles is about 200 MB): such a file is not read into memory
 * (a string over 512 MB cannot even be made) but treated as damaged, moved aside and rebuilt.
 */
export const MAX_FILE_BYTES: Record<FileKind, number> = {
  index: 400 * 1024 * 1024,
  content: 400 * 1024 * 1024,
  state: 100 * 1024 * 1024,
  meta: 4 * 1024 * 1024,
  settings: 1024 * 1024,
  entities: 100 * 1024 * 1024,
};

export class AtomicJsonFile<K extends FileKind> implements Adapter<FileKindMap[K]> {
  /** undefined: never looked at; null: known not to exist. */
  signature: FileSignature | null | undefined = undefined;
  /** Schema version found by the last read (before migration). */
  readVersion: number | undefined;

  constructor(
    readonly path: string,
    readonly kind: K,
    private readonly env: AtomicJsonFileEnv,
  ) {}

  async read(): Promise<FileKindMap[K] | null> {
    const found = await readSigned(this.env.fs, this.path, MAX_FILE_BYTES[this.kind]);
    if (!found) {
      this.signature = null;
      this.readVersion = undefined;
      return null;
    }
    const { data, fromVersion } = parseStoredFile(this.kind, this.path, found.bytes);
    this.signature = found.signature;
    this.readVersion = fromVersion;
    return data;
  }

  async write(data: FileKindMap[K]): Promise<void> {
    this.signature = await writeGuarded(this.env, this.path, this.signature, serializeStoredFile(this.kind, data));
  }
}

/** Reads a file and the signature of exactly the bytes read; null when it does not exist. */
export async function readSigned(
  fs: StoreFs,
  path: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<{ bytes: Buffer; signature: FileSignature } | null> {
  let fh;
  try {
    fh = await fs.open(path, 'r');
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return null;
    throw e;
  }
  try {
    const st = await fh.stat();
    if (st.size > maxBytes) {
      throw new CorruptFileError(
        path,
        `is ${(st.size / 1024 ** 2).toFixed(0)} MB, larger than any such file Gloss writes`,
      );
    }
    return { bytes: await fh.readFile(), signature: signatureOf(st) };
  } finally {
    await fh.close();
  }
}

/**
 * Replaces `path` atomically unless another program changed it since `known`
 * (undefined: never looked at; null: known not to exist). Returns the new signature.
 */
export async function writeGuarded(
  env: AtomicJsonFileEnv,
  path: string,
  known: FileSignature | null | undefined,
  data: string | Uint8Array,
): Promise<FileSignature> {
  let current: FileSignature | null = null;
  try {
    current = signatureOf(await env.fs.stat(path));
  } catch (e) {
    if (errorCode(e) !== 'ENOENT') throw e;
  }
  if (known !== undefined && current !== null) {
    if (known === null || !sameSignature(known, current)) throw new ExternalChangeError(path);
  }
  if (current !== null && known) await env.beforeReplace?.(path);
  return writeFileAtomic(env.fs, env.tmpDir, path, data);
}
