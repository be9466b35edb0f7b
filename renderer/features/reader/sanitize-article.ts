import DOMPurify, { type Config } from 'dompurify';

/**
 * The renderer's own pass over article HTML, right before insertion (the
 * importer already sanitized it; this is defence in depth, and it is the
 * last step: nothing rewrites the markup afterwards). The config mirrors the
 * importer's so the text content does not change.
 */
const purifier = DOMPurify(window);

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true, mathMl: true },
  FORBID_TAGS: ['style', 'form', 'iframe', 'embed', 'object', 'link', 'meta', 'base'],
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|#)/i,
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM_FRAGMENT: true,
};

/**
 * A PDF's geometry (pdf-article.ts): the page's size on its section, each line's box on its span.
 * Numbers only, and only there; every other data- attribute still goes.
 */
const PDF_GEOMETRY: Record<string, { tag: string; className: string; names: readonly string[] }> = {
  SECTION: { tag: 'SECTION', className: 'pdf-page', names: ['data-width', 'data-height'] },
  SPAN: { tag: 'SPAN', className: 'pdf-line', names: ['data-x', 'data-y', 'data-w', 'data-h'] },
};
const NUMBER = /^\d{1,6}(?:\.\d{1,3})?$/;

purifier.addHook('uponSanitizeAttribute', (node, data) => {
  const geometry = node instanceof Element ? PDF_GEOMETRY[node.tagName] : undefined;
  if (!geometry || !geometry.names.includes(data.attrName) || !node.classList.contains(geometry.className)) return;
  if (NUMBER.test(data.attrValue)) data.forceKeepAttr = true;
});

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (!(node instanceof Element)) return;
  // Offline means offline: only images embedded in the page may load (CSP agrees).
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    if (!/^data:image\//i.test(src)) node.removeAttribute('src');
    node.removeAttribute('srcset');
  }
  if (node.tagName === 'A') {
    // Links never navigate by themselves; the reader's click handler decides.
    node.removeAttribute('target');
    node.removeAttribute('ping');
  }
});

export function sanitizeArticleHtml(html: string): DocumentFragment {
  return purifier.sanitize(html, CONFIG);
}
