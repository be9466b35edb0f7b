// The ::highlight() rules for the highlight layer, injected once per document.
// Colours come from theme tokens when defined (--hl-yellow …), else these
// translucent defaults, which read on light, sepia and dark paper alike.
import type { HighlightColor } from '../../main/api/contract';

export const HIGHLIGHT_COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];
export const HIGHLIGHT_PREFIX = 'gloss-';
export const SELECTED_NAME = `${HIGHLIGHT_PREFIX}selected`;
export const FLASH_NAME = `${HIGHLIGHT_PREFIX}flash`;

const DEFAULTS: Record<HighlightColor, string> = {
  yellow: 'rgb(255 212 0 / 0.42)',
  green: 'rgb(80 200 90 / 0.35)',
  blue: 'rgb(70 150 255 / 0.33)',
  pink: 'rgb(255 100 160 / 0.33)',
  purple: 'rgb(160 100 255 / 0.33)',
};

export const HIGHLIGHT_CSS = [
  ...HIGHLIGHT_COLORS.map(
    (c) => `::highlight(${HIGHLIGHT_PREFIX}${c}) { background-color: var(--hl-${c}, ${DEFAULTS[c]}); }`,
  ),
  `::highlight(${SELECTED_NAME}) { background-color: var(--hl-selected, rgb(255 140 0 / 0.22)); text-decoration: underline 2px var(--hl-selected-line, rgb(214 110 0)); }`,
  `::highlight(${FLASH_NAME}) { background-color: var(--hl-flash, rgb(255 120 0 / 0.55)); }`,
].join('\n');

const STYLE_ID = 'gloss-highlight-styles';
const adopted = new WeakSet<Document>();

export function ensureHighlightStyles(doc: Document): void {
  // A constructed stylesheet, not a <style> element: the app's CSP (style-src 'self')
  // blocks inline <style> and reports a violation each time, but allows adopted sheets.
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in doc && typeof Sheet.prototype.replaceSync === 'function') {
    if (adopted.has(doc)) return;
    const sheet = new Sheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    adopted.add(doc);
    return;
  }
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = HIGHLIGHT_CSS;
  doc.head.appendChild(style);
}
