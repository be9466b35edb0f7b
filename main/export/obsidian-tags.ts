// Gloss tags as Obsidian tags, by a reversible rule.
//
// Obsidian tags hold letters, digits, `_`, `-` and `/`, must contain a
// non-digit, and cannot hold spaces, `+` or `.`. So, after a leading `#` (tag
// syntax, not part of the name) is dropped:
//   space        → `_`          (`open question` → `open_question`)
//   `_`          → `__`
//   anything else Obsidian rejects, and a first digit of an all-digit tag
//                → `_x` + hex code point + `_`   (`c++` → `c_x2b__x2b_`, `2024` → `_x32_024`)
// A space right before text that would read as one of those codes is itself
// written `_x20_`, so decoding (`obsidianTagToTag`) always gives the tag back.

const ALLOWED = /[\p{L}\p{N}\p{M}/-]/u;

export function tagToObsidian(tag: string): string {
  const name = tag.trim().replace(/^#+/, '').replace(/\s+/g, ' ');
  const chars = Array.from(name);
  const allDigits = chars.length > 0 && chars.every((c) => /\p{N}/u.test(c));
  const parts = chars.map((c, i) => {
    if (c === '_') return '__';
    if (c === ' ') return ' ';
    if (ALLOWED.test(c) && !(allDigits && i === 0)) return c;
    return code(c);
  });
  let out = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    out = (p === ' ' ? (/^(_|x[0-9a-f]+_)/.test(out) ? code(' ') : '_') : p) + out;
  }
  return out;
}

function code(c: string): string {
  return `_x${c.codePointAt(0)!.toString(16)}_`;
}

export function obsidianTagToTag(tag: string): string {
  return tag
    .replace(/^#/, '')
    .replace(/__|_x([0-9a-f]+)_|_/g, (m, hex: string | undefined) =>
      m === '__' ? '_' : hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : ' ',
    );
}

/** The article's tags as front matter holds them. */
export function obsidianTags(tags: string[]): string[] {
  return tags.map(tagToObsidian).filter(Boolean);
}

/** True when `wanted`, in Gloss's or Obsidian's spelling, names `tag`. */
export function sameTag(tag: string, wanted: string): boolean {
  const w = wanted.trim();
  return tag === w || tagToObsidian(tag) === tagToObsidian(w) || tagToObsidian(tag) === w.replace(/^#/, '');
}
