import { JSDOM } from 'jsdom';

let shared: JSDOM | null = null;

/**
 * One inert jsdom window (no scripts, no resource loading) reused for sanitizing and normalising.
 * Creating a JSDOM costs tens of milliseconds, so it is made once, on first use.
 */
export function htmlWindow(): JSDOM['window'] {
  shared ??= new JSDOM('<!doctype html><html><head></head><body></body></html>');
  return shared.window;
}

/** A fresh element, in a document of its own, holding `html` parsed the way a browser parses `div.innerHTML = html`. */
export function parseIntoDiv(html: string): HTMLDivElement {
  const doc = htmlWindow().document.implementation.createHTMLDocument('');
  const div = doc.createElement('div');
  div.innerHTML = html;
  return div;
}
