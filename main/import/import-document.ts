import { createHash } from 'node:crypto';
import type { RemovedPassage, SourceFormat } from '../model/contract';
import { AppError, isAppError } from '../model/errors';
import { bomEncoding, decodeText, sniffHtmlCharset } from './decode-text';
import { MAX_IMPORT_BYTES } from './import-limits';
import { describeBinary } from './sniff-binary';
import { countWords, guessLanguage, readingMinutes } from './text-stats';
import {
  fromEpub,
  fromExactText,
  fromPdf,
  fromHtmlPage,
  fromMarkdown,
  fromPlainText,
  type Kind,
  type Parts,
} from './import-formats';

export interface ImportedDocument {
  format: SourceFormat;
  title: string;
  author: string | null;
  site: string | null;
  published: string | null;
  sourceUrl: string | null;
  language: string | null;
  /** Sanitized body HTML. Set it with `container.innerHTML = html` (a fragment, not a whole document). */
  html: string;
  /** Canonical plain text: exactly the textContent of `html`. */
  text: string;
  /** What reader mode set aside, each at its place in `text`; empty when nothing was. */
  removed: RemovedPassage[];
  /** Imported, but the user should be told (almost no readable text). */
  warning: string | null;
  wordCount: number;
  readingMinutes: number;
  sourceSha256: string;
  textSha256: string;
  sourceExt: Kind;
  /** The bytes to keep as the article's source (the file as given, or the pasted string as UTF-8). */
  sourceBytes: Uint8Array;
}

export interface ImportFileInput {
  name: string;
  bytes: Uint8Array;
  path?: string;
  /**
   * false: a .txt file's text is the article exactly as read (no reader mode), so offsets index into
   * the file (`gloss entities FILE`). Default true.
   */
  readerMode?: boolean;
}

const KIND_BY_EXT: Record<string, Kind> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  mdown: 'md',
  mkd: 'md',
  mkdn: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  epub: 'epub',
  pdf: 'pdf',
};

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function formatMegabytes(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}

/** An EPUB's first ZIP entry is an uncompressed file "mimetype" holding "application/epub+zip". */
function isEpubArchive(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  return Buffer.from(bytes.subarray(30, 30 + 8 + 20)).toString('latin1') === 'mimetypeapplication/epub+zip';
}

const LOOKS_LIKE_HTML = /^\s*(?:<!doctype\s+html|<html[\s>]|<!--\s*saved from url=|<head[\s>]|<body[\s>])/i;

/** Below this many words a page is imported with a warning: the article was probably not found. */
const FEW_WORDS = 50;

function finish(parts: Parts, sourceBytes: Uint8Array, name: string): ImportedDocument {
  const words = countWords(parts.text);
  // Punctuation alone (a run of `*_[`, a page of rules) is not an article.
  if (words === 0) throw new AppError('unsupported_file', `"${name}" has no words to read.`);
  const warning =
    words < FEW_WORDS && (parts.format === 'html' || parts.format === 'paste-html' || (parts.removed?.length ?? 0) > 0)
      ? `"${name}" has almost no readable text (${words} ${words === 1 ? 'word' : 'words'}); the original is kept as it was.`
      : null;
  return {
    ...parts,
    removed: parts.removed ?? [],
    warning,
    title: parts.title.slice(0, 300),
    language: parts.language ?? guessLanguage(parts.text),
    wordCount: words,
    readingMinutes: readingMinutes(words),
    sourceSha256: sha256(sourceBytes),
    textSha256: sha256(parts.text),
    sourceBytes,
  };
}

function checkSize(name: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError(
      'too_large',
      `"${name}" is ${formatMegabytes(bytes.length)} MB; Gloss imports files up to ${formatMegabytes(MAX_IMPORT_BYTES)} MB.`,
    );
  }
  if (bytes.length === 0) throw new AppError('empty_file', `"${name}" is empty.`);
}

const PDF_SIGNATURE = '%PDF-';

/**
 * A PDF by its name, or, for a name that is not a text format, by its signature at the start: a .txt or
 * .md that mentions "%PDF-" in its first lines is still an article.
 */
function isPdf(name: string, bytes: Uint8Array): boolean {
  const kind = KIND_BY_EXT[extensionOf(name)];
  if (kind === 'pdf') return true;
  return (
    kind === undefined && Buffer.from(bytes.subarray(0, PDF_SIGNATURE.length)).toString('latin1') === PDF_SIGNATURE
  );
}

function importBytes(name: string, bytes: Uint8Array, readerMode: boolean): ImportedDocument {
  checkSize(name, bytes);
  if (isPdf(name, bytes)) {
    throw new AppError(
      'unsupported_file',
      `"${name}" is a PDF document, which only the full importer reads (importFile).`,
    );
  }

  if (KIND_BY_EXT[extensionOf(name)] === 'epub' || isEpubArchive(bytes))
    return finish(fromEpub(bytes, name), bytes, name);

  const bom = bomEncoding(bytes);
  if (bom !== 'utf-16le' && bom !== 'utf-16be') {
    const what = describeBinary(bytes);
    if (what) throw new AppError('unsupported_file', `"${name}" looks like ${what}, not a text article.`);
  }

  let kind: Kind | undefined = KIND_BY_EXT[extensionOf(name)];
  const known = kind !== undefined;
  const declared = kind === 'html' || kind === undefined ? sniffHtmlCharset(bytes) : null;
  let text: string;
  try {
    text = decodeText(bytes, name, declared).text;
  } catch (e) {
    if (!known && isAppError(e)) {
      throw new AppError(
        'unsupported_file',
        `"${name}" is not a .txt, .md, .html, .epub or .pdf file, and it is not readable as text.`,
      );
    }
    throw e;
  }
  if (text.trim() === '') throw new AppError('empty_file', `"${name}" contains only blank space.`);
  kind ??= LOOKS_LIKE_HTML.test(text.slice(0, 1024)) ? 'html' : 'txt';

  const parts =
    kind === 'txt'
      ? readerMode
        ? fromPlainText(text, name, 'txt')
        : fromExactText(text, name, 'txt')
      : kind === 'md'
        ? fromMarkdown(text, name)
        : fromHtmlPage(text, name);
  return finish(parts, bytes, name);
}

/** Deeply nested input can overflow the stack in DOM code; that is the file's problem, not a crash. */
function guarded<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (isAppError(e)) throw e;
    if (e instanceof RangeError) {
      throw new AppError('unsupported_file', `"${name}" is nested too deeply to be read as an article.`);
    }
    const error = new AppError('internal', `Gloss could not import "${name}" because of an internal error.`);
    error.cause = e;
    throw error;
  }
}

/**
 * Imports one file: .txt, .md/.markdown, .html/.htm (a saved web page) or .epub (PDFs: importFile); any other name is sniffed and
 * imported as HTML or plain text when it is readable text. Throws AppError ('too_large', 'empty_file',
 * 'unsupported_file') with a sentence naming the file. Pure: reads nothing and writes nothing.
 */
export function importDocument(input: ImportFileInput): ImportedDocument {
  return guarded(input.name, () => importBytes(input.name, input.bytes, input.readerMode !== false));
}

/** Deeply nested or hostile input fails with a sentence naming the file, never with a crash. */
async function guardedAsync<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    return guarded(name, () => {
      throw e;
    });
  }
}

/**
 * Imports any file Gloss reads, PDFs included (pdf.js reads asynchronously); everything else goes
 * through importDocument. The import worker and the in-process fallback call this one.
 */
export async function importFile(input: ImportFileInput): Promise<ImportedDocument> {
  if (!isPdf(input.name, input.bytes)) return importDocument(input);
  return guardedAsync(input.name, async () => {
    checkSize(input.name, input.bytes);
    return finish(await fromPdf(input.bytes, input.name), input.bytes, input.name);
  });
}

/** Imports clipboard content. HTML is preferred when it holds text; it goes through the same sanitizer as files. */
export function importPaste(input: { text?: string; html?: string }): ImportedDocument {
  const name = 'The pasted text';
  return guarded(name, () => {
    const html = input.html ?? '';
    // The HTML parser drops NUL characters, which would break the text/html invariant.
    const text = (input.text ?? '').split('\u0000').join('');
    const size = Math.max(Buffer.byteLength(html), Buffer.byteLength(text));
    if (size > MAX_IMPORT_BYTES) {
      throw new AppError(
        'too_large',
        `The pasted text is ${formatMegabytes(size)} MB; Gloss imports up to ${formatMegabytes(MAX_IMPORT_BYTES)} MB.`,
      );
    }
    if (html.trim() !== '' && /\S/.test(html.replace(/<[^>]*>/g, ''))) {
      // Pasted HTML is a page, or part of one: the same article extraction as a saved page.
      try {
        return finish(fromHtmlPage(html, name, 'paste-html'), Buffer.from(html, 'utf8'), name);
      } catch (e) {
        // Markup with no readable text (an image, an empty table) falls through to the plain text.
        if (!isAppError(e) || e.code !== 'unsupported_file' || text.trim() === '') throw e;
      }
    }
    if (text.trim() === '') throw new AppError('empty_file', 'The clipboard holds no text to import.');
    const parts = fromPlainText(text.replace(/^\uFEFF/, ''), 'Pasted article', 'paste-text');
    return finish(parts, Buffer.from(text, 'utf8'), name);
  });
}
