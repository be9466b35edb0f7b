// The files inside an EPUB (a ZIP archive), read with limits so a hostile archive cannot
// exhaust memory: a small file that inflates to gigabytes is refused before it is inflated.
import { unzipSync } from 'fflate';
import { AppError } from '../../model/errors';

/** The most an EPUB may inflate to, in all; books with many images stay well below it. */
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export interface EpubArchive {
  /** The entry at `path` (archive-relative, no leading slash), or null when there is none. */
  bytes(path: string): Uint8Array | null;
  text(path: string): string | null;
}

export function openEpubArchive(data: Uint8Array, name: string): EpubArchive {
  let inflated = 0;
  let entries = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter(file) {
        entries += 1;
        inflated += file.originalSize;
        if (entries > MAX_ENTRIES || inflated > MAX_INFLATED_BYTES) throw new TooBig();
        return !file.name.endsWith('/');
      },
    });
  } catch (e) {
    if (e instanceof TooBig) {
      throw new AppError('too_large', `"${name}" unpacks to more than Gloss reads from one book (256 MB).`);
    }
    throw new AppError('unsupported_file', `"${name}" is damaged and could not be read as an EPUB.`);
  }
  const decoder = new TextDecoder('utf-8');
  const lookup = (path: string): Uint8Array | null => files[path] ?? files[decodePath(path)] ?? null;
  return {
    bytes: lookup,
    text(path) {
      const found = lookup(path);
      return found ? decoder.decode(found).replace(/^\uFEFF/, '') : null;
    },
  };
}

class TooBig extends Error {}

/** A path as written in a link or the package ("caf%C3%A9.xhtml") as the archive names it. */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // A stray "%" in a file name is the name itself.
    return path;
  }
}

/** `href` (as written in `from`, an archive path) resolved to an archive path, without its #fragment. */
export function resolveHref(from: string, href: string): string {
  const clean = href.replace(/[#?].*$/, '');
  const parts = clean.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const part of clean.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
