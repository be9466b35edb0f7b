import { JSDOM } from 'jsdom';

let shared: JSDOM | null = null;

/**
 * One inert jsdom window (no scripts, no resource loading) reused for sanitizing and normalizing.
 * Creating a JSDOM costs tens of milliseconds, so it is made once, on first use.
 */
export function htmlWindow(): JSDOM['window'] {
  shared ??= new JSDOM('<!doctype html><html><head></head><body></body></html>');
  return shared.window;
}

/**
 * `html` parsed the way a browser parses `div.innerHTML = html` (the same "in body" rules), returned as
 * the <body> of a fresh inert document. DOMParser is used because jsdom's innerHTML setter moves the
 * parsed nodes one by one and becomes quadratic on long articles.
 */
export function parseIntoBody(html: string): HTMLElement {
  const doc = new (htmlWindow().DOMParser)().parseFromString(
    `<!doctype html><html><head></head><body>${html}`,
    'text/html',
  );
  return doc.body;
}

/** An XML document (an EPUB's container, package or NCX), or null when it is not well-formed. */
export function parseXml(xml: string): Document | null {
  const doc = new (htmlWindow().DOMParser)().parseFromString(xml, 'application/xml');
  return doc.getElementsByTagName('parsererror').length > 0 ? null : doc;
}
