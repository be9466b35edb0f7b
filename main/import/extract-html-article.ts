import { Readability } from '@mozilla/readability';
import { AppError } from '../model/errors';
import { chooseByline } from './choose-byline';
import { headlineOf } from './page-title';
import { readPageMetadata, type PageMetadata } from './page-metadata';
import { parsePageDocument } from './page-dom';

export interface HtmlArticle {
  /** Unsanitized article element (Readability's content, or the page body when Readability found nothing). */
  content: Element;
  title: string | null;
  author: string | null;
  site: string | null;
  published: string | null;
  sourceUrl: string | null;
  language: string | null;
  /** Every byline the page offers, best first, and the names of its publisher: see choose-byline.ts. */
  bylines: string[];
  publishers: string[];
  /** True when Readability gave up and the whole body is used. */
  usedBody: boolean;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function parsePage(html: string): Document {
  return parsePageDocument(stripInertMarkup(html));
}

/**
 * Drops what can never be article text before parsing: scripts (except JSON-LD metadata), styles and
 * comments are often most of a saved page's bytes, and the parser and Readability pay for every node.
 */
function stripInertMarkup(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
}

const MAX_DEPTH = 600;
const MAX_CHILDREN_FOR_READABILITY = 2500;
const MAX_ELEMENTS_FOR_READABILITY = 60_000;
const PAGE_CHROME =
  'nav, header, footer, aside, menu, dialog, [role="navigation"], [role="banner"], [role="contentinfo"]';

const NO_END_TAG = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'colgroup',
  'rb',
  'rt',
  'rp',
  'html',
  'head',
  'body',
  'image',
  'param',
  'keygen',
  'basefont',
  'frame',
  'menuitem',
]);

/**
 * A cheap upper-bound guess of the nesting depth from the tag stream, before parsing: tree building and
 * Readability's walks grow with depth × size, so a page of 100,000 nested <div>s must be refused without being parsed.
 */
function estimateNesting(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const tag = m[2]!.toLowerCase();
    if (NO_END_TAG.has(tag) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

const LARGE_TEXT_CHARS = 200_000;
const ARTICLE_CHROME = 'nav, aside, footer, form, menu, dialog, [role="navigation"], [role="complementary"]';

/**
 * For very long pages only: the single <article> (or articleBody) holding nearly all of the page's text,
 * or null. Shorter pages always go through Readability, which cleans better.
 */
function dominantArticle(doc: Document): Element | null {
  const bodyChars = doc.body?.textContent?.length ?? 0;
  if (bodyChars < LARGE_TEXT_CHARS) return null;
  for (const selector of ['[itemprop="articleBody"]', 'article']) {
    const found = doc.querySelectorAll(selector);
    if (found.length !== 1) continue;
    const el = found[0]!;
    if ((el.textContent?.length ?? 0) >= 0.8 * bodyChars) return el;
  }
  return null;
}

/** Element count, nesting depth and the largest number of children of one element, in one iterative pass. */
function measureTree(root: Element): { elements: number; depth: number; widest: number } {
  let elements = 0;
  let depth = 0;
  let widest = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, d] = stack.pop()!;
    elements++;
    if (d > depth) depth = d;
    let children = 0;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      children++;
      stack.push([c, d + 1]);
    }
    if (children > widest) widest = children;
  }
  return { elements, depth, widest };
}

/**
 * MathJax and KaTeX draw a formula in custom elements (glyphs in CSS, nothing a reader can copy) around
 * the MathML they were given. Readability drops those wrappers, formula and all; the MathML is the
 * formula, so it takes the wrapper's place.
 */
function unwrapRenderedMath(doc: Document): void {
  for (const math of Array.from(doc.getElementsByTagName('math'))) {
    let outer: Element = math;
    for (let p = math.parentElement; p && p.localName.includes('-'); p = p.parentElement) outer = p;
    if (outer !== math) outer.replaceWith(math);
  }
}

const HIDDEN = '[hidden], [aria-hidden="true" i], [style*="display:none" i], [style*="display: none" i]';

/**
 * The "too many children" guard must not cost a whole page its article because of one element: a
 * hidden menu, or a list of thousands of links (a site map, a tag cloud). Those are removed, since no
 * reader sees them as the article; true only when something was.
 */
function dropWideFurniture(doc: Document): boolean {
  const wide: Element[] = [];
  const stack: Element[] = [doc.documentElement];
  while (stack.length > 0) {
    const el = stack.pop()!;
    let children = 0;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      children++;
      stack.push(c);
    }
    if (children > MAX_CHILDREN_FOR_READABILITY) wide.push(el);
  }
  let dropped = false;
  for (const el of wide) {
    const text = el.textContent?.length ?? 0;
    let linked = 0;
    for (const a of Array.from(el.querySelectorAll('a'))) linked += a.textContent?.length ?? 0;
    const hidden = el.closest(HIDDEN) !== null;
    if (hidden || (text > 0 && linked / text > 0.5) || text === 0) {
      el.remove();
      dropped = true;
    }
  }
  return dropped;
}

/**
 * Extracts the article from a saved web page. The page is parsed by linkedom, which has no scripting or
 * resource loading at all; nothing in it runs or is fetched. The returned content is NOT sanitized yet.
 */
export function extractHtmlArticle(html: string, name: string): HtmlArticle {
  const savedFrom = html.slice(0, 4096);
  const estimated = estimateNesting(html);
  if (estimated > 4 * MAX_DEPTH) {
    throw new AppError(
      'unsupported_file',
      `"${name}" is nested too deeply (about ${estimated} levels) to be read as an article.`,
    );
  }
  const doc = parsePage(html);
  const meta = readPageMetadata(doc, savedFrom);
  const { sourceUrl, language, published } = meta;
  // Readability makes links absolute against the document's base. A page's own <base> is attacker-chosen;
  // the page's declared address is the honest base (and without one, relative links are dropped later).
  for (const base of Array.from(doc.querySelectorAll('base'))) base.remove();
  if (sourceUrl) {
    const base = doc.createElement('base');
    base.setAttribute('href', sourceUrl);
    doc.head.prepend(base);
  }
  unwrapRenderedMath(doc);
  let shape = measureTree(doc.documentElement);
  if (shape.widest > MAX_CHILDREN_FOR_READABILITY && dropWideFurniture(doc)) shape = measureTree(doc.documentElement);
  if (shape.depth > MAX_DEPTH) {
    throw new AppError(
      'unsupported_file',
      `"${name}" is nested too deeply (${shape.depth} levels) to be read as an article.`,
    );
  }
  // Readability walks and moves nodes through child lists, which costs O(siblings) per step: on very
  // wide or very large pages that turns quadratic (minutes), so such pages are read whole instead.
  const tooBigForReadability =
    shape.widest > MAX_CHILDREN_FOR_READABILITY || shape.elements > MAX_ELEMENTS_FOR_READABILITY;
  const dominant = dominantArticle(doc);
  if (dominant) {
    // A book-length article in one <article>: Readability would spend seconds confirming the obvious.
    for (const chrome of Array.from(dominant.querySelectorAll(ARTICLE_CHROME))) chrome.remove();
    const site = meta.site ?? hostOf(sourceUrl);
    const heading = dominant.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;
    return {
      content: dominant,
      title: titleOf(meta, meta.headline ?? heading ?? meta.title, site),
      author: chooseByline(meta.authors, meta.publishers),
      bylines: meta.authors,
      publishers: meta.publishers,
      site,
      published,
      sourceUrl,
      language,
      usedBody: false,
    };
  }
  // The serializer hands back the element itself: no serialise-and-reparse before sanitizing.
  const article = tooBigForReadability
    ? null
    : new Readability<Element>(doc, { charThreshold: 500, serializer: (el) => el as Element }).parse();
  const readable = article?.content && (article.textContent ?? '').trim() !== '' ? article.content : null;

  let content = readable;
  let usedBody = false;
  if (!content) {
    // Readability gave up (and mutated the document) or was skipped: read the page body, minus its chrome.
    const again = tooBigForReadability ? doc : parsePage(html);
    const body = again.body ?? again.documentElement;
    for (const chrome of Array.from(body.querySelectorAll(PAGE_CHROME))) chrome.remove();
    content = body;
    usedBody = true;
  }
  const site = article?.siteName?.trim() || meta.site || hostOf(sourceUrl);
  return {
    content,
    title: titleOf(meta, article?.title?.replace(/\s+/g, ' ').trim() || meta.title, site),
    author: chooseByline([article?.byline, ...meta.authors], meta.publishers),
    bylines: [article?.byline, ...meta.authors].filter((b): b is string => Boolean(b)),
    publishers: meta.publishers,
    site,
    published: article?.publishedTime?.trim() || published,
    sourceUrl,
    language: article?.lang?.trim() || language,
    usedBody,
  };
}

/** The headline (README: the title convention), with the site's name in `site` rather than in the title. */
function titleOf(meta: PageMetadata, title: string | null, site: string | null): string | null {
  if (!title) return null;
  return headlineOf(title, { site, host: hostOf(meta.sourceUrl), headings: meta.headings });
}
