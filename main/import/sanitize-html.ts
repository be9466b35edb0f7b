// Node-side sanitizer for imported HTML. The renderer runs its own DOMPurify pass before insertion;
// this one makes sure nothing dangerous or remote is ever stored in the library.
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { htmlWindow } from './html-window';

const ALLOWED_URI = /^(?:(?:https?|mailto):|#)/i;
const INLINE_IMAGE = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;

const FORBID_TAGS = [
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'optgroup',
  'datalist',
  'output',
  'iframe',
  'frame',
  'frameset',
  'embed',
  'object',
  'applet',
  'param',
  'portal',
  'fencedframe',
  'link',
  'meta',
  'base',
  'noscript',
  'template',
  'script',
  'video',
  'audio',
  'source',
  'track',
  'canvas',
  'map',
  'area',
  'dialog',
  'marquee',
  'svg',
  // MathML is read and kept (below); its TeX source annotations are not text a reader sees.
  'annotation',
  'annotation-xml',
];

const FORBID_ATTR = [
  'style',
  'id',
  'name',
  'class',
  'target',
  'rel',
  'srcset',
  'sizes',
  'ping',
  'formaction',
  'action',
  'background',
  'poster',
  'autofocus',
  'tabindex',
  'accesskey',
  'contenteditable',
  'draggable',
  'loading',
  'decoding',
  'usemap',
  'ismap',
  'is',
  'slot',
  'part',
  'nonce',
  'integrity',
  'crossorigin',
  'referrerpolicy',
  'popover',
  'popovertarget',
  'xmlns',
  'for',
  'form',
  'download',
  'role',
];

const CONFIG: Config & { RETURN_DOM: true } = {
  // Formulas survive as MathML (Chromium renders it), so a sentence never loses its maths.
  USE_PROFILES: { html: true, mathMl: true },
  ADD_FORBID_CONTENTS: ['annotation', 'annotation-xml'],
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  SANITIZE_NAMED_PROPS: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  RETURN_DOM: true,
};

/**
 * The links inside an article that an importer joined from several files (an EPUB's chapters) and
 * resolved itself: every id of the source is dropped as usual, except the targets it named.
 */
export interface InternalLinks {
  /**
   * The ids it gave link targets, each with DOMPurify's "user-content-" prefix (the form the
   * renderer's pass, which names ids that way too, leaves as it is): these stay on their elements.
   */
  targets: ReadonlySet<string>;
  /**
   * Fragment links it wrote before it knew their target was missing, each with the href to use
   * instead, or null for none (the link's text stays, as plain text).
   */
  redirects: ReadonlyMap<string, string | null>;
}

export interface SanitizeOptions {
  links?: InternalLinks;
}

/** A URL without the whitespace and C0 controls browsers ignore inside URLs. */
function compactUrl(value: string): string {
  // eslint-disable-next-line no-control-regex -- browsers ignore C0 controls inside URLs, so must we
  return value.replace(/[\s\u0000-\u001f\u2028\u2029]+/g, '');
}

/** Whether a link may keep its address: web, mail and in-page links only. */
export function isAllowedHref(value: string): boolean {
  return ALLOWED_URI.test(compactUrl(value));
}

/** Whether an image is stored inside the article (anything else would be fetched, so it is not kept). */
export function isInlineImage(src: string): boolean {
  return INLINE_IMAGE.test(src.trim());
}

/** What an image that is not kept leaves in the text: its description, or nothing. */
export function imageStandIn(alt: string): string | null {
  const text = alt.replace(/\s+/g, ' ').trim();
  return text ? `[image: ${text}]` : null;
}

let purifier: DOMPurify | null = null;
/** The options of the sanitize call under way (calls are synchronous, so one at a time). */
let current: SanitizeOptions = {};

function getPurifier(): DOMPurify {
  if (purifier) return purifier;
  const p = createDOMPurify(htmlWindow() as unknown as Parameters<typeof createDOMPurify>[0]);
  if (!p.isSupported) throw new Error('DOMPurify is not supported by this jsdom window');
  // Set once, so that isValidAttribute (below) answers under the same rules sanitize applies.
  p.setConfig(CONFIG);
  p.addHook('uponSanitizeAttribute', (_node, data) => {
    // An importer's own link target (forbidden ids are otherwise dropped); the prefix is there
    // already, so DOMPurify keeps the value as it is.
    if (data.attrName === 'id' && current.links?.targets.has(data.attrValue)) data.forceKeepAttr = true;
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    // Belt and braces over ALLOWED_URI_REGEXP: re-check links after stripping the whitespace and control
    // characters browsers ignore inside URLs, and allow URLs only on <a href>, <img src> and http(s) cite.
    for (const attr of ['href', 'src', 'cite', 'xlink:href']) {
      const value = node.getAttribute?.(attr);
      if (value == null) continue;
      const ok =
        (attr === 'href' && node.nodeName === 'A' && isAllowedHref(value)) ||
        (attr === 'src' && node.nodeName === 'IMG') ||
        (attr === 'cite' && /^https?:/i.test(compactUrl(value)));
      if (!ok) node.removeAttribute(attr);
    }
    const redirect = node.nodeName === 'A' ? current.links?.redirects.get(node.getAttribute('href') ?? '') : undefined;
    if (redirect === null) node.removeAttribute('href');
    else if (redirect !== undefined) node.setAttribute('href', redirect);
  });
  purifier = p;
  return p;
}

/**
 * Whether the sanitizer keeps this attribute with this value on this element, by its own rules (the
 * address checks of the hook above are `isAllowedHref` and `isInlineImage`).
 */
export function sanitizerKeepsAttribute(tag: string, name: string, value: string): boolean {
  return getPurifier().isValidAttribute(tag, name, value);
}

/** Replaces remote (or otherwise unsafe) images by their alt text, since an offline reader never fetches them. */
function dropRemoteImages(root: Element): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    if (isInlineImage(img.getAttribute('src') ?? '')) continue;
    const standIn = imageStandIn(img.getAttribute('alt') ?? '');
    if (standIn) img.replaceWith(img.ownerDocument.createTextNode(standIn));
    else img.remove();
  }
}

/** Elements the page hid are not part of what the reader saw. */
function dropHidden(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[hidden]'))) el.remove();
}

/**
 * Sanitizes untrusted HTML (a string, or a node from another jsdom document, which DOMPurify clones)
 * and returns the `<body>` of an inert document holding the result,
 * ready for further DOM work (normalization) before serialising.
 */
export function sanitizeToBody(dirty: string | Node, options: SanitizeOptions = {}): HTMLElement {
  const p = getPurifier();
  current = options;
  let body: HTMLElement;
  try {
    body = p.sanitize(dirty, CONFIG) as HTMLElement;
  } finally {
    current = {};
  }
  dropHidden(body);
  dropRemoteImages(body);
  return body;
}

/** Sanitizes untrusted HTML to a string of safe, inert body markup. */
export function sanitizeHtml(dirty: string): string {
  return sanitizeToBody(dirty).innerHTML;
}
