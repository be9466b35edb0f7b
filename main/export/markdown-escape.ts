// Escaping for text that must render exactly as written in every renderer a
// user's file meets: markdown-it (+ mark + footnote), Obsidian, pandoc
// (markdown, commonmark_x, gfm), Python-Markdown and mistune. Their extra
// syntax (`#tag`, `==mark==`, `%%comment%%`, `$math$`, `^block-id`,
// `[[link]]`, `~~strike~~`, `H~2~O`, `2^10^`, `:emoji:`) turns ordinary
// article text into markup if left alone.
//
// A backslash escape is used only for the characters every one of them
// honours (Python-Markdown's short list: \ ` * _ { } [ ] ( ) > # + - . !);
// every other character is written as a character reference (`&lt;`,
// `&#61;`), which all of them decode to the character itself.

// One sentinel the exporter placed in the text (mark open/close, footnote ref);
// escaping rules look through them.
const S = '(?:[\\uE000\\uE001]|\\uE002\\d+\\uE003)';

// Escaped wherever they occur: each can open or close markup somewhere.
const BACKSLASHED = /[\\*_`[\]#{]/g;
const REFERENCES: Record<string, string> = {
  '<': '&lt;',
  '~': '&#126;',
  '|': '&#124;',
  $: '&#36;',
  '^': '&#94;',
  // A non-breaking space stays one through editors that turn U+00A0 into a space.
  '\u00a0': '&nbsp;',
};
const REFERENCED = /[<~|$^\u00a0]/g;
// `==` (a mark, or a setext underline at a line start); a lone `=` ("x = 1") is left readable.
const EQUALS = new RegExp(`=(?=${S}*=)|(?<==${S}*)=|^(?=${S}*=)=`, 'g');
// `%%` opens an Obsidian comment; a lone `%` ("50%") is left readable.
const PERCENT = new RegExp(`%(?=${S}*%)|(?<=%${S}*)%`, 'g');
// `&amp;` written in the article must not decode to `&` (sentinels may sit inside it).
const ENTITY = new RegExp(`&(?=${S}*#?(?:[A-Za-z0-9]|${S})+;)`, 'g');
// `:smile:` is an emoji in pandoc's commonmark_x.
const EMOJI = new RegExp(`:(?=(?:[a-z0-9_+-]|${S})+:)`, 'g');
// `-`, `+`, `>`, `1.`, `a)`, `(@)` and `: ` starting a line open blocks (lists, quotes, pandoc's fancy lists and definitions).
const BLOCK_MARKER = new RegExp(`^(${S}*)([-+>(])`);
const ORDERED_MARKER = new RegExp(`^(${S}*)(\\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)(${S}*)([.)])(?=\\s|${S}*$|$)`);
const DEFINITION = new RegExp(`^(${S}*):`);

/**
 * Escapes one run of article text (a DOM text node, or a quote). `atLineStart`
 * says whether the run may begin a line, where `-`, `+`, `>` and `1.` open blocks.
 */
export function escapeMarkdownText(text: string, atLineStart = true): string {
  let out = text.includes('&') ? text.replace(ENTITY, '&amp;') : text;
  out = out.replace(BACKSLASHED, '\\$&');
  out = out.replace(REFERENCED, (c) => REFERENCES[c]!);
  if (out.includes('=')) out = out.replace(EQUALS, '&#61;');
  if (out.includes('%')) out = out.replace(PERCENT, '&#37;');
  if (out.includes(':')) out = out.replace(EMOJI, '&#58;');
  if (atLineStart) {
    out = out
      .replace(BLOCK_MARKER, '$1\\$2')
      .replace(ORDERED_MARKER, (_all, pre: string, n: string, mid: string, p: string) =>
        p === '.' ? `${pre}${n}${mid}\\.` : `${pre}${n}${mid}\\)`,
      )
      .replace(DEFINITION, '$1&#58;');
  }
  return out;
}

/** Text that must stay on one line (a heading, a list item, a meta line). */
export function escapeInlineLine(text: string): string {
  return escapeMarkdownText(text.replace(/\s+/g, ' ').trim());
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
