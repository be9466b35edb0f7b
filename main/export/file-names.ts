// File names that are safe on Windows, macOS and Linux, and inside an
// Obsidian vault: no path separators or `..`, no control characters, none of
// the characters Windows or Obsidian links reject, no reserved device names
// (CON, NUL, COM1…), no trailing dot or space, bounded length, and unique in a
// folder (case-insensitively, as on macOS and Windows).

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
export const MAX_BASE_LENGTH = 100;

/** A safe base name (no extension) for a title; never empty. */
export function safeBaseName(title: string, fallback = 'Untitled'): string {
  let name = title
    .normalize('NFC')
    // Control and bidi-override characters are exactly what must go.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    // Path and shell-hostile characters, plus Obsidian's link syntax ([ ] # ^ |).
    .replace(/[/\\:*?"<>|#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (name.length > MAX_BASE_LENGTH) {
    name = truncate(name, MAX_BASE_LENGTH).replace(/[.\s]+$/, '');
  }
  if (!name) name = fallback;
  const stem = name.split('.')[0]!;
  if (RESERVED.test(stem.trim())) name = `_${name}`;
  return name;
}

function truncate(s: string, max: number): string {
  // Cut on a code-point boundary, preferring a word boundary.
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return space > max * 0.6 ? cut.slice(0, space) : cut;
}

/**
 * Allocates `base + ext`, or `base (2) + ext`, … that is not yet in `taken`
 * (compared case-insensitively). Adds the chosen name to `taken`.
 */
export function uniqueFileName(base: string, ext: string, taken: Set<string>): string {
  const safe = safeBaseName(base);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const stem =
      safe.length + suffix.length > MAX_BASE_LENGTH ? truncate(safe, MAX_BASE_LENGTH - suffix.length).trimEnd() : safe;
    const name = `${stem}${suffix}${ext}`;
    const key = name.toLowerCase();
    if (!taken.has(key)) {
      taken.add(key);
      return name;
    }
  }
}

/** The file name a single-article export suggests. */
export function articleFileName(title: string): string {
  return `${safeBaseName(title)}.md`;
}
