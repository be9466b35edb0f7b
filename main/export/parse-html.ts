// Parses the article body for export. domino (turndown's own DOM) parses and
// walks several times faster than jsdom, which matters for a 100,000-word
// article; the HTML is already sanitized, and the exporter checks that the
// parsed text equals the canonical text before placing any highlight.
import { createDocument } from '@mixmark-io/domino';

export function parseBody(html: string): Node {
  return createDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`, true).body;
}
