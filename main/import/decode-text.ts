import { AppError } from '../model/errors';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | string;

/** The encoding announced by a byte-order mark, or null. UTF-16 must be known before the binary sniff (it holds NULs). */
export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

const CHARSET_PRESCAN_BYTES = 8 * 1024;

/**
 * The charset a saved HTML page declares in `<meta charset>` or `<meta http-equiv="Content-Type">`.
 * Browsers look only at the start of the file; so do we (a bit further, for pages with long heads).
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, CHARSET_PRESCAN_BYTES)).toString(
    'latin1',
  );
  const metas = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const meta of metas) {
    const m = /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(meta);
    if (m?.[1]) return m[1].toLowerCase();
  }
  return null;
}

// WHATWG windows-1252 for bytes 0x80–0x9F (undefined bytes map to the same C1 code point).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (curly quotes and € become C1 controls). */
function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

function isUtf8Label(label: string): boolean {
  return label === 'utf-8' || label === 'utf8' || label === 'unicode-1-1-utf-8';
}

/**
 * Decodes file bytes to a string with the BOM removed. Without a BOM the text must be valid UTF-8 unless
 * `declaredCharset` (from an HTML page) names another encoding, which is honoured. Never guesses silently:
 * invalid bytes are an error, not replacement characters.
 */
export function decodeText(
  bytes: Uint8Array,
  name: string,
  declaredCharset: string | null = null,
): { text: string; encoding: TextEncoding } {
  const bom = bomEncoding(bytes);
  let encoding: string = bom ?? 'utf-8';
  if (!bom && declaredCharset && !isUtf8Label(declaredCharset)) {
    // A page saved as UTF-8 may still say "utf-16" (the browser re-encoded it); the spec treats that as UTF-8.
    encoding = declaredCharset.startsWith('utf-16') ? 'utf-8' : declaredCharset;
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new AppError('unsupported_file', `"${name}" declares a character set Gloss does not know (${encoding}).`);
  }
  if (decoder.encoding === 'windows-1252') return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  try {
    // TextDecoder drops a BOM that matches the encoding.
    return { text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    if (decoder.encoding === 'utf-8') {
      throw new AppError(
        'unsupported_file',
        `"${name}" is not valid UTF-8 text; save it as UTF-8 and import it again.`,
      );
    }
  }
  // The page says one charset but its bytes are another: browsers that re-save a page as UTF-8 often keep
  // the old <meta charset>. Valid UTF-8 is almost never an accident, so it is read as that.
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Neither: say which charset the page declared, in its own words (gb2312, not the gbk that decodes it).
    throw new AppError(
      'unsupported_file',
      `"${name}" contains bytes that are not valid ${declaredCharset ?? decoder.encoding} text.`,
    );
  }
}
