// What a saved page says about itself — address, dates, authors, site, language — read from anywhere
// in the document: a tracking pixel in <head> makes HTML parsers end the head early, so the <meta> and
// <link> elements after it land in the body. Read before Readability, which rewrites the document.

export interface PageMetadata {
  title: string | null;
  /** og:title, dc.title or the JSON-LD headline: usually the headline without the site's name. */
  headline: string | null;
  sourceUrl: string | null;
  language: string | null;
  published: string | null;
  /** Candidate bylines, best first (JSON-LD people, meta tags, byline elements). */
  authors: string[];
  /** Names the page gives its publisher (JSON-LD publisher, og:site_name): never a byline when a writer is named. */
  publishers: string[];
  site: string | null;
  /** The texts of its h1 and h2 headings (the first few). */
  headings: string[];
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t ? t : null;
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

function attr(doc: Document, selector: string, name: string): string | null {
  return clean(doc.querySelector(selector)?.getAttribute(name));
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = attr(doc, `meta[property="${key}" i][content], meta[name="${key}" i][content]`, 'content');
    if (v) return v;
  }
  return null;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES = /Article|BlogPosting|Report|Posting|Review|Story|WebPage|Blog/i;

/** The article objects of the page's JSON-LD blocks (top level, arrays, @graph), in order. */
function jsonLdArticles(doc: Document): Json[] {
  const found: Json[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue; // a broken block says nothing; the rest of the page still may
    }
    const stack: unknown[] = [parsed];
    while (stack.length > 0 && found.length < 20) {
      const v = stack.shift();
      if (Array.isArray(v)) stack.push(...v);
      else if (v && typeof v === 'object') {
        const o = v as Json;
        const type = Array.isArray(o['@type']) ? o['@type'].join(' ') : String(o['@type'] ?? '');
        if (ARTICLE_TYPES.test(type)) found.push(o);
        if (Array.isArray(o['@graph'])) stack.push(...o['@graph']);
      }
    }
  }
  // Articles before pages: a WebPage object is the page around the article.
  return found.sort((a, b) => Number(/WebPage/.test(String(a['@type']))) - Number(/WebPage/.test(String(b['@type']))));
}

function names(value: unknown, people: string[], organizations: string[]): void {
  if (typeof value === 'string') people.push(value);
  else if (Array.isArray(value)) for (const v of value) names(v, people, organizations);
  else if (value && typeof value === 'object') {
    const o = value as Json;
    const name = typeof o.name === 'string' ? o.name : null;
    if (name) (/Organization|Corporation/i.test(String(o['@type'] ?? '')) ? organizations : people).push(name);
  }
}

function dateOf(el: Element | null): string | null {
  if (!el) return null;
  return clean(el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent);
}

export function readPageMetadata(doc: Document, pageStart: string): PageMetadata {
  const ld = jsonLdArticles(doc);
  const people: string[] = [];
  const organizations: string[] = [];
  for (const a of ld) names(a.author ?? a.creator, people, organizations);
  const publishers: string[] = [];
  for (const a of ld) names(a.publisher, publishers, publishers);
  const ldDate = ld.map((a) => (typeof a.datePublished === 'string' ? a.datePublished : null)).find(Boolean) ?? null;

  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(pageStart)?.[1];
  const sourceUrl =
    httpUrl(attr(doc, 'link[rel~="canonical" i][href]', 'href')) ?? httpUrl(meta(doc, 'og:url')) ?? httpUrl(savedFrom);

  const published =
    clean(ldDate) ??
    meta(doc, 'article:published_time', 'og:article:published_time', 'datePublished') ??
    dateOf(doc.querySelector('[itemprop~="datePublished"]')) ??
    meta(
      doc,
      'date',
      'dc.date',
      'dc.date.issued',
      'dcterms.created',
      'pubdate',
      'publishdate',
      'parsely-pub-date',
      'sailthru.date',
    ) ??
    dateOf(doc.querySelector('time[pubdate], article time[datetime], main time[datetime]')) ??
    dateOf(doc.querySelector('time[datetime]'));

  const bylineElements = Array.from(
    doc.querySelectorAll(
      '[itemprop~="author"] [itemprop~="name"], [itemprop~="author"], [rel~="author"], .byline, .author',
    ),
  )
    .slice(0, 6)
    .map((el) => clean(el.getAttribute('content') ?? el.textContent))
    .filter((v): v is string => v !== null && v.length <= 200);
  const authors = [
    ...people,
    meta(doc, 'author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author'),
    meta(doc, 'article:author'),
    meta(doc, 'byl'),
    ...bylineElements,
  ].filter((v): v is string => Boolean(v) && !/^https?:/i.test(v!));

  const headings = Array.from(doc.querySelectorAll('h1, h2'))
    .slice(0, 12)
    .map((h) => clean(h.textContent))
    .filter((v): v is string => v !== null);
  const site = meta(doc, 'og:site_name') ?? clean(publishers[0]);
  return {
    title: clean(doc.querySelector('title')?.textContent),
    headline:
      meta(doc, 'og:title', 'dc.title', 'dcterms.title', 'twitter:title') ??
      clean(ld.map((a) => (typeof a.headline === 'string' ? a.headline : null)).find(Boolean)),
    sourceUrl,
    language:
      clean(doc.documentElement.getAttribute('lang')) ??
      clean(doc.documentElement.getAttribute('xml:lang')) ??
      attr(doc, 'meta[http-equiv="content-language" i][content]', 'content'),
    published,
    authors,
    publishers: [...publishers, ...organizations, site].filter((v): v is string => Boolean(v)),
    site,
    headings,
  };
}
