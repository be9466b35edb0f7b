import { Readability } from '@mozilla/readability';
import { AppError } from '../app/errors';
import { htmlWindow } from './html-window';

export interface HtmlArticle {
  /** Unsanitized article element (Readability's content, or the page body when Readability found nothing). */
  content: Element;
  title: string | null;
  author: string | null;
  site: string | null;
  published: string | null;
  sourceUrl: string | null;
  language: string | null;
  /** True when Readability gave up and the whole body is used. */
  usedBody: boolean;
  /** The largest number of children of one element in `content`. */
  widest: number;
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Where the page came from: canonical link, og:url, or the comment Chrome writes into saved pages. */
function findSourceUrl(doc: Document, pageStart: string): string | null {
  // Page metadata lives in <head>; searching only there spares a walk over a huge body per selector.
  const canonical = doc.head.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const og = doc.head
    .querySelector('meta[property="og:url" i][content], meta[name="og:url" i][content]')
    ?.getAttribute('content');
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(pageStart)?.[1];
  return httpUrl(canonical) ?? httpUrl(og) ?? httpUrl(savedFrom);
}

function metaContent(doc: Document, selector: string): string | null {
  const v = doc.head.querySelector(selector)?.getAttribute('content')?.trim();
  return v ? v : null;
}

function cleanByline(byline: string | null | undefined): string | null {
  if (!byline) return null;
  const b = byline
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^by\s+/i, '');
  // Readability sometimes takes a whole paragraph as the byline; a name list is short.
  return b && b.length <= 120 ? b : null;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * Parses a page into an inert document of the shared window: DOMParser documents never run scripts or
 * load anything, and skipping a new JSDOM window per page saves its setup time.
 */
function parsePage(html: string): Document {
  return new (htmlWindow().DOMParser)().parseFromString(stripInertMarkup(html), 'text/html');
}

/**
 * Drops what can never be article text before parsing: scripts (except JSON-LD metadata), styles and
 * comments are often most of a saved page's bytes, and jsdom and Readability pay for every node.
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
 * A cheap upper-bound guess of the nesting depth from the tag stream, before parsing: jsdom's parse cost
 * grows with depth × size, so a page of 100,000 nested <div>s must be refused without being parsed.
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
 * Extracts the article from a saved web page. The page is parsed by jsdom without scripts or resource
 * loading; nothing in it runs or is fetched. The returned content is NOT sanitized yet.
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
  const sourceUrl = findSourceUrl(doc, savedFrom);
  // Readability makes links absolute against the document's base. A page's own <base> is attacker-chosen;
  // the page's declared address is the honest base (and without one, relative links are dropped later).
  for (const base of Array.from(doc.querySelectorAll('base'))) base.remove();
  if (sourceUrl) {
    const base = doc.createElement('base');
    base.setAttribute('href', sourceUrl);
    doc.head.prepend(base);
  }
  const docTitle = doc.head.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const language = doc.documentElement.getAttribute('lang')?.trim() || null;
  const published =
    metaContent(doc, 'meta[property="article:published_time" i], meta[name="article:published_time" i]') ??
    metaContent(doc, 'meta[name="date" i], meta[name="dc.date" i], meta[itemprop="datePublished"]') ??
    (doc.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || null);
  const metaAuthor = metaContent(doc, 'meta[name="author" i], meta[property="article:author" i]');

  const shape = measureTree(doc.documentElement);
  if (shape.depth > MAX_DEPTH) {
    throw new AppError(
      'unsupported_file',
      `"${name}" is nested too deeply (${shape.depth} levels) to be read as an article.`,
    );
  }
  // Readability moves nodes through jsdom's live child lists, which costs O(siblings) per move: on very
  // wide or very large pages that turns quadratic (minutes), so such pages are read whole instead.
  const tooBigForReadability =
    shape.widest > MAX_CHILDREN_FOR_READABILITY || shape.elements > MAX_ELEMENTS_FOR_READABILITY;
  const dominant = dominantArticle(doc);
  if (dominant) {
    // A book-length article in one <article>: Readability would spend seconds confirming the obvious.
    for (const chrome of Array.from(dominant.querySelectorAll(ARTICLE_CHROME))) chrome.remove();
    const author = cleanByline(metaAuthor);
    return {
      content: dominant,
      title:
        metaContent(doc, 'meta[property="og:title" i]') ??
        (dominant.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || docTitle),
      author,
      site: metaContent(doc, 'meta[property="og:site_name" i]') ?? hostOf(sourceUrl),
      published,
      sourceUrl,
      language,
      usedBody: false,
      widest: measureTree(dominant).widest,
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
  const author = cleanByline(article?.byline) ?? cleanByline(metaAuthor);
  return {
    content,
    title: article?.title?.replace(/\s+/g, ' ').trim() || docTitle,
    author: author && /^https?:/i.test(author) ? null : author,
    site: article?.siteName?.trim() || hostOf(sourceUrl),
    published: article?.publishedTime?.trim() || published,
    sourceUrl,
    language: article?.lang?.trim() || language,
    usedBody,
    widest: measureTree(content).widest,
  };
}
