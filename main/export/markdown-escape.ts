// Escaping for text that must render exactly as written in CommonMark
// (markdown-it + mark + footnote) and in Obsidian, whose extra syntax
// (`#tag`, `==mark==`, `%%comment%%`, `$math$`, `^block-id`, `[[link]]`,
// `~~strike~~`) turns ordinary article text into markup if left alone.
//
// Every escape is a backslash before ASCII punctuation, which CommonMark
// defines as "render this character literally", so the visible text is
// unchanged and the source stays readable.

// One sentinel the exporter placed in the text (mark open/close, footnote ref);
// escaping rules look through them.
const S = '(?:[\\uE000\\uE001]|\\uE002\\d+\\uE003)';

// Characters escaped wherever they occur: each can open or close markup somewhere.
const ALWAYS = /[\\*_`[\]<#=~|$^]/g;

// `%%` opens an Obsidian comment; a lone `%` ("50%") is left readable.
const PERCENT = new RegExp(`%(?=${S}*%)`, 'g');
// `&amp;` written in the article must not decode to `&` (sentinels may sit inside it).
const ENTITY = new RegExp(`&(?=${S}*#?(?:[A-Za-z0-9]|${S})+;)`, 'g');
// `-`, `+`, `>` and `1.` starting a line open blocks.
const BLOCK_MARKER = new RegExp(`^(${S}*)([-+>])`);
const ORDERED_MARKER = new RegExp(`^(${S}*)(\\d+)(${S}*)([.)])`);

/**
 * Escapes one run of article text (a DOM text node, or a quote). `atLineStart`
 * says whether the run may begin a line, where `-`, `+`, `>` and `1.` open blocks.
 */
export function escapeMarkdownText(text: string, atLineStart = true): string {
  let out = text.replace(ALWAYS, '\\$&');
  if (out.includes('%')) out = out.replace(PERCENT, '\\%');
  if (out.includes('&')) out = out.replace(ENTITY, '\\&');
  if (atLineStart) out = out.replace(BLOCK_MARKER, '$1\\$2').replace(ORDERED_MARKER, '$1$2$3\\$4');
  return out;
}

/** Text that must stay on one line (a heading, a list item, a meta line). */
export function escapeInlineLine(text: string): string {
  return escapeMarkdownText(text.replace(/\s+/g, ' ').trim());
}

/**
 * An Obsidian-style tag for a user's tag: `#` + the tag with whitespace turned
 * into `_` (Obsidian tags cannot hold spaces), other markup characters escaped.
 */
export function formatTag(tag: string): string {
  // `_`, `-` and `/` are legal inside an Obsidian tag and inert inside a word;
  // other punctuation is escaped (the tag then ends there in Obsidian, but
  // renders as written).
  const body = tag.trim().replace(/\s+/g, '_');
  const escaped = body.replace(/[!-/:-@[-`{-~]/g, (c, i: number) =>
    (c === '_' || c === '-' || c === '/') && i > 0 && i < body.length - 1 ? c : '\\' + c,
  );
  return '#' + escaped;
}

/** True for URLs a reader may follow from an exported file. */
export function isSafeHref(href: string, allowHttp: boolean): boolean {
  // Strip what browsers ignore (control chars, whitespace) before reading the scheme,
  // so `JaVa&#x09;Script:` style obfuscation cannot pass as a relative URL.
  // eslint-disable-next-line no-control-regex -- control characters are what we strip
  const cleaned = href.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
  if (cleaned.startsWith('https://') || cleaned.startsWith('mailto:')) return true;
  return allowHttp && cleaned.startsWith('http://');
}

/** A link destination that cannot break out of `(…)` or span lines. */
export function escapeLinkDestination(href: string): string {
  return (
    href
      .trim()
      // eslint-disable-next-line no-control-regex -- control characters are what we encode
      .replace(/[\u0000-\u0020\u007F]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
      .replace(/[()<>\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  );
}
