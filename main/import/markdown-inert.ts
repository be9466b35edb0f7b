// Markdown without raw HTML renders to markup Gloss writes itself: markdown-it escapes every text and
// attribute value and refuses script addresses, so no file's markup reaches the output. Held here, token
// by token, to the sanitizer's own rules, that output needs no DOMPurify pass, whose jsdom parse was two
// thirds of a Markdown import. A file with any raw HTML is sanitized as before.
import type { Token } from 'markdown-it';
import { imageStandIn, isAllowedHref, isInlineImage, sanitizerKeepsAttribute } from './sanitize-html';

/** Tokens that carry a file's own markup, verbatim. */
const RAW_HTML = new Set(['html_block', 'html_inline']);

/** The element a token opens, for the attribute rules ('' for tokens that are not elements). */
function elementOf(token: Token): string {
  return token.type === 'image' ? 'img' : token.tag;
}

function keepsAttribute(tag: string, name: string, value: string): boolean {
  if (name === 'href') return tag === 'a' && isAllowedHref(value) && sanitizerKeepsAttribute(tag, name, value);
  if (name === 'src') return tag === 'img' && isInlineImage(value) && sanitizerKeepsAttribute(tag, name, value);
  return sanitizerKeepsAttribute(tag, name, value);
}

/** An image the sanitizer would not keep becomes its description as text (in place), or null for nothing. */
function asStandIn(image: Token): Token | null {
  const standIn = imageStandIn(altText(image.children ?? []));
  if (!standIn) return null;
  image.type = 'text';
  image.tag = '';
  image.attrs = null;
  image.children = null;
  image.content = standIn;
  return image;
}

/** An image's description, as markdown-it writes it into `alt` (the text of its label, markup stripped). */
function altText(children: Token[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'image') text += altText(child.children ?? []);
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += '\n';
  }
  return text;
}

/** Raw HTML anywhere, or a kept image whose description the sanitizer would refuse as an `alt`. */
function needsSanitizer(tokens: Token[]): boolean {
  for (const token of tokens) {
    if (RAW_HTML.has(token.type)) return true;
    if (token.type === 'image' && isInlineImage(String(token.attrGet('src') ?? ''))) {
      // markdown-it writes the description into `alt` as it renders.
      if (!sanitizerKeepsAttribute('img', 'alt', altText(token.children ?? []))) return true;
    }
    if (token.children && needsSanitizer(token.children)) return true;
  }
  return false;
}

function applyRules(tokens: Token[]): void {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    if (token.type === 'image' && !isInlineImage(String(token.attrGet('src') ?? ''))) {
      if (!asStandIn(token)) tokens.splice(i, 1);
      continue;
    }
    if (token.children) applyRules(token.children);
    // The fence's language would be written as a class, which the sanitizer drops.
    if (token.type === 'fence') token.info = '';
    if (token.attrs) {
      const tag = elementOf(token);
      token.attrs = token.attrs.filter(([name, value]) => name === 'alt' || keepsAttribute(tag, name, String(value)));
    }
  }
}

/**
 * Brings a markdown-it token stream within the sanitizer's rules, in place: attributes it would drop
 * (a code block's language class, a table cell's alignment) go, links keep only addresses it allows,
 * images not stored in the file become their description. Returns false, with the tokens untouched,
 * when the file needs the sanitizer after all (it holds raw HTML).
 */
export function holdToSanitizerRules(tokens: Token[]): boolean {
  if (needsSanitizer(tokens)) return false;
  applyRules(tokens);
  return true;
}
