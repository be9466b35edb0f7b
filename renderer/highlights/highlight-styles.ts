// Every ::highlight() rule of the app (the highlight layer's colors, the
// selected highlight, the flash, entity mentions), adopted once per document.
// Colors come from the theme tokens (--hl-yellow …, tokens.css): opaque, so
// overlapping highlights never blend. The fallbacks are the light theme's.
import { HIGHLIGHT_COLORS } from '../../main/model/contract';
import type { HighlightColor } from '../../main/model/contract';

export { HIGHLIGHT_COLORS };
export const HIGHLIGHT_PREFIX = 'gloss-';
export const SELECTED_NAME = `${HIGHLIGHT_PREFIX}selected`;
export const FLASH_NAME = `${HIGHLIGHT_PREFIX}flash`;

const DEFAULTS: Record<HighlightColor, string> = {
  yellow: '#fde68a',
  green: '#c3eccb',
  blue: '#c2dcfb',
  pink: '#fdcbd6',
  purple: '#dad0fc',
};

// Names the entity marks paint under (entity-marks.ts); their rules live here so
// every ::highlight() rule of the app is in this one sheet.
export const ENTITY_MARK_NAME = `${HIGHLIGHT_PREFIX}entity`;
export const ENTITY_CURRENT_NAME = `${HIGHLIGHT_PREFIX}entity-current`;

export const HIGHLIGHT_CSS = [
  ...HIGHLIGHT_COLORS.map(
    (c) => `::highlight(${HIGHLIGHT_PREFIX}${c}) { background-color: var(--hl-${c}, ${DEFAULTS[c]}); }`,
  ),
  `::highlight(${SELECTED_NAME}) { background-color: var(--hl-selected, rgb(255 140 0 / 0.22)); text-decoration: underline 2px var(--hl-selected-line, rgb(214 110 0)); }`,
  // --flash is a theme token (tokens.css): a glow that suits each paper.
  `::highlight(${FLASH_NAME}) { background-color: var(--flash, rgb(255 120 0 / 0.55)); }`,
  // Mentions are underlined, never filled, so they read apart from the user's color highlights.
  `::highlight(${ENTITY_MARK_NAME}) { text-decoration: underline 2px dotted var(--accent); text-underline-offset: 3px; }`,
  `::highlight(${ENTITY_CURRENT_NAME}) { background-color: var(--accent-wash); text-decoration: underline 2px solid var(--accent); text-underline-offset: 3px; }`,
].join('\n');

const adopted = new WeakSet<Document>();

/**
 * Adds the ::highlight() rules to the document once, as a constructed
 * stylesheet. This is the only copy of them: the app's CSP (style-src 'self')
 * refuses an inline <style> but not an adopted sheet. An engine without
 * adoptedStyleSheets gets no rules (it has no CSS Custom Highlight API either).
 */
export function ensureHighlightStyles(doc: Document): void {
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (adopted.has(doc) || !Sheet || !('adoptedStyleSheets' in doc) || typeof Sheet.prototype.replaceSync !== 'function')
    return;
  const sheet = new Sheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  adopted.add(doc);
}
