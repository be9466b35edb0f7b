import { AppError } from '../app/errors';
import { normalizeBlocks } from './normalize-blocks';
import { sanitizeToBody } from './sanitize-html';

export interface CanonicalHtml {
  /** Sanitized, normalised body markup. */
  html: string;
  /** Exactly the textContent of `html` once parsed into a div. */
  text: string;
}

/**
 * Untrusted HTML → sanitized body HTML plus its canonical text. The normalised markup is parsed and
 * sanitized once more and must yield the same text: that proves it survives a parse round trip, so a
 * browser computes the same text the offsets index into.
 */
export function toCanonicalHtml(dirty: string | Node): CanonicalHtml {
  let body = sanitizeToBody(dirty);
  for (let attempt = 0; attempt < 3; attempt++) {
    const { html, text } = normalizeBlocks(body);
    const check = sanitizeToBody(html);
    // Stored markup is DOMPurify's own serialisation (sanitize last), proven to carry the same text.
    if (check.textContent === text) return { html: check.innerHTML, text };
    body = check;
  }
  throw new AppError('internal', 'The article markup could not be brought to a stable form.');
}
