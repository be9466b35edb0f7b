import { AppError } from '../model/errors';
import { textContentOfHtml } from './fragment-text';
import { parseIntoBody } from './html-window';
import { parseGeneratedBody } from './page-dom';
import { normalizeBlocks } from './normalize-blocks';
import { sanitizeToBody, type SanitizeOptions } from './sanitize-html';

export interface CanonicalHtml {
  /** Sanitized, normalized body markup. */
  html: string;
  /** Exactly the textContent of `html` once parsed into a div. */
  text: string;
}

/**
 * Untrusted HTML → sanitized body HTML plus its canonical text. The normalized markup is parsed once
 * more and must yield the same text: that proves it survives a parse round trip, so a browser computes
 * the same text the offsets index into.
 */
export function toCanonicalHtml(dirty: string | Node, options: SanitizeOptions = {}): CanonicalHtml {
  let body = sanitizeToBody(dirty, options);
  for (let attempt = 0; attempt < 3; attempt++) {
    // The normalizer only re-serialises the sanitized tree (escaping text and attribute values), so its
    // output is as safe as DOMPurify's own serialisation.
    const { html, text } = normalizeBlocks(body);
    if (textContentOfHtml(html) === text) return { html, text };
    // The parser restructured something (e.g. text the sanitizer left where it cannot live): start again
    // from what a browser would build.
    body = sanitizeToBody(parseIntoBody(html).innerHTML, options);
  }
  throw new AppError('internal', 'The article markup could not be brought to a stable form.');
}

/**
 * Markup Gloss wrote itself within the sanitizer's rules (Markdown without raw HTML, see
 * markdown-inert.ts) → its canonical form, without the sanitizer's jsdom parse. The same round-trip
 * proof holds; markup that fails it goes through the sanitizer after all.
 */
export function toCanonicalInertHtml(html: string): CanonicalHtml {
  const normalized = normalizeBlocks(parseGeneratedBody(html));
  if (textContentOfHtml(normalized.html) === normalized.text) return normalized;
  return toCanonicalHtml(html);
}
