// Title, author, date and language from a PDF's info dictionary and XMP, with the junk that word
// processors and converters leave there ("Microsoft Word - draft3.docx", "Administrator") dropped.

/** What pdf.js's getMetadata() gives: `info` as a plain object, XMP behind `get(name)` (names in lower case). */
export interface RawPdfMetadata {
  info: Record<string, unknown>;
  xmp: { get(name: string): unknown } | null;
}

export interface PdfMetadata {
  title: string | null;
  author: string | null;
  published: string | null;
  language: string | null;
}

function clean(value: unknown): string | null {
  const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : value;
  if (typeof text !== 'string') return null;
  // Strip NULs and other controls that badly decoded UTF-16 leaves behind.
  const s = text
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s === '' ? null : s;
}

const FILE_NAME = /\.(?:docx?|odt|rtf|pdf|tex|dvi|ps|eps|pptx?|xlsx?|indd|qxd|txt|html?|pages|key|wpd)$/iu;
const JUNK_TITLE = [
  /^(?:microsoft\s+(?:word|powerpoint|excel)|word|powerpoint)\s*[-–:]\s*/iu,
  /^untitled\b/iu,
  /^(?:document|doc|book|presentation|slide|title|untitled|new document|pdf)\s*\d*$/iu,
  /^[a-z]:\\|^\/\S+$/iu,
];

function stem(name: string): string {
  return name
    .replace(/^.*[\\/]/u, '')
    .replace(/\.[^.]+$/u, '')
    .toLowerCase();
}

/** A title worth keeping: not a file name, not a word processor's placeholder. */
export function usableTitle(value: unknown, fileName: string): string | null {
  const title = clean(value);
  if (!title || !/\p{L}/u.test(title) || title.length < 2) return null;
  if (FILE_NAME.test(title) || JUNK_TITLE.some((re) => re.test(title))) return null;
  if (title.toLowerCase() === stem(fileName)) return null;
  return title;
}

const JUNK_AUTHOR =
  /^(?:user|admin|administrator|owner|unknown|author|default|name|your name|windows user|microsoft office user|valued customer|preferred customer|setup|pc|hp|dell)\d*$/iu;

export function usableAuthor(value: unknown): string | null {
  const author = clean(value);
  if (!author || !/\p{L}/u.test(author) || JUNK_AUTHOR.test(author)) return null;
  return author;
}

function isoDate(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${year}-${month}-${day}`;
}

/**
 * The calendar date as written, from a PDF date ("D:20210304100000+01'00'") or an XMP one
 * ("2021-03-04T10:00:00Z"); the writer's local date, so no time zone shift. Month and day
 * default to 01 when the writer gave only a year, as the PDF standard says.
 */
export function pdfDate(value: unknown): string | null {
  const s = clean(value);
  if (!s) return null;
  const pdf = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/u.exec(s);
  const xmp = /^(\d{4})-(\d{2})-(\d{2})/u.exec(s);
  const m = xmp ?? pdf;
  if (!m) return null;
  return isoDate(m[1]!, m[2] ?? '01', m[3] ?? '01');
}

/** A BCP 47 tag such as "en-GB"; anything else is dropped rather than guessed at. */
export function pdfLanguage(value: unknown): string | null {
  const lang = clean(value);
  return lang && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/iu.test(lang) ? lang : null;
}

function xmpValue(xmp: RawPdfMetadata['xmp'], name: string): unknown {
  try {
    return xmp?.get(name) ?? null;
  } catch {
    return null;
  }
}

export function readMetadata(raw: RawPdfMetadata, fileName: string): PdfMetadata {
  const { info, xmp } = raw;
  const first = <T>(pick: (v: unknown) => T | null, ...values: unknown[]): T | null => {
    for (const v of values) {
      const picked = pick(v);
      if (picked !== null) return picked;
    }
    return null;
  };
  return {
    title: first((v) => usableTitle(v, fileName), xmpValue(xmp, 'dc:title'), info.Title),
    author: first(usableAuthor, xmpValue(xmp, 'dc:creator'), info.Author),
    published: first(pdfDate, info.CreationDate, xmpValue(xmp, 'xmp:createdate')),
    language: first(pdfLanguage, info.Language, xmpValue(xmp, 'dc:language')),
  };
}
