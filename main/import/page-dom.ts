import { DOMParser } from 'linkedom';
import { parse, serialize } from 'parse5';

/**
 * A saved page parsed for reading, not for display. parse5 builds the tree exactly as a browser would
 * (implied <html>/<head>/<body>, unclosed and misnested tags, tables) and writes it back out with every
 * tag explicit; linkedom then holds that tree as a plain linked DOM with no live child lists, no style
 * objects and no selector engine state, which is where jsdom spent most of an import (its tree
 * bookkeeping and selector matching were ~60 % of a 1 MB page). linkedom alone would not do: it does not
 * build the implied elements, so a page without a <body> tag would read as empty. Scripting is off, as in
 * jsdom's DOMParser, so <noscript> holds elements (which the sanitizer removes whole), never raw text
 * that a second parser could read differently. Nothing here runs or loads; the article it yields is sanitized by DOMPurify over jsdom before anything stores it.
 */
export function parsePageDocument(html: string): Document {
  const explicit = serialize(parse(html, { scriptingEnabled: false }));
  return new DOMParser().parseFromString(explicit, 'text/html') as unknown as Document;
}

/**
 * Already-sanitized article markup parsed as `div.innerHTML = html` would be, as the <body> of a
 * linkedom document: for walking and taking blocks out, several times cheaper than a jsdom parse.
 */
export function parseSanitizedBody(html: string): HTMLElement {
  return parsePageDocument(`<!doctype html><html><head></head><body>${html}`).body;
}

/**
 * Markup Gloss wrote itself (every element closed and nested as the HTML parser would build it, text
 * and attributes escaped) as the <body> of a linkedom document, without parse5's pass: for such markup
 * the two parsers build the same tree, and the round-trip proof that follows checks the text with
 * parse5 all the same.
 */
export function parseGeneratedBody(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html><head></head><body>${html}</body></html>`,
    'text/html',
  );
  return (doc as unknown as Document).body;
}
