// Field by field, does Gloss's import of a corpus page say what Readability's expected output says?
// The comparisons follow Gloss's documented conventions (README, "Using Gloss"): a byline is the names
// without "By"; a page that names no site gets its host name; a page that declares no language gets a
// guessed one.
import type { ExpectedMetadata } from './readability-pages';
import { tokens, tokenSimilarity } from './token-similarity';
import { titleMatches } from './title-convention';

export const FIELDS = ['title', 'byline', 'date', 'site', 'language', 'body'] as const;
export type Field = (typeof FIELDS)[number];

export interface Imported {
  title: string;
  author: string | null;
  site: string | null;
  published: string | null;
  sourceUrl: string | null;
  language: string | null;
  text: string;
}

export interface FieldScore {
  ok: boolean;
  expected: string | null;
  got: string | null;
}

export type PageScore = Record<Field, FieldScore>;

export const BODY_THRESHOLD = 0.99;

function squash(s: string | null | undefined): string | null {
  const t = (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';

/**
 * The names in a byline, by Gloss's convention: without "By"/"Written by", and without what follows
 * the names (a date, a time, "Updated …", a link in brackets, a second line).
 */
function byline(s: string | null): string | null {
  const first = (s ?? '').replace(/^\s*(?:(?:written|posted)\s+)?(?:by|par|por|von)[\s:]+/i, '').split('\n')[0]!;
  const t = (squash(first) ?? '')
    .split(
      new RegExp(
        `\\s\\(|\\s[|•·]\\s|,?\\s+(?:on\\s+)?(?:(?:${MONTHS})[a-z]*\\.?\\s+\\d|\\d{1,4}[/.:-]\\d)|\\b(?:last\\s+)?(?:updated|published|posted)\\b`,
        'i',
      ),
    )[0]!
    .replace(/[\s,.;:|]+$/, '')
    .toLowerCase();
  return t && /\p{L}/u.test(t) ? t : null;
}

function sameInstant(expected: string | null, got: string | null): boolean {
  if (expected === null || got === null) return expected === got;
  if (squash(expected) === squash(got)) return true;
  const a = Date.parse(expected);
  const b = Date.parse(got);
  return Number.isFinite(a) && a === b;
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * Readability 0.6 reads a date from fewer places than Gloss (no <time>, no itemprop): where it found
 * none, a date Gloss took word for word from the page is the page's own.
 */
function dateOk(expected: string | null, got: string | null, source: string): boolean {
  if (sameInstant(expected, got)) return true;
  return expected === null && got !== null && source.includes(got);
}

export function scorePage(meta: ExpectedMetadata, expectedBody: string, doc: Imported | null, source = ''): PageScore {
  const fail = (expected: string | null): FieldScore => ({ ok: false, expected, got: null });
  if (!doc) {
    return {
      title: fail(meta.title),
      byline: fail(meta.byline),
      date: fail(meta.publishedTime),
      site: fail(meta.siteName),
      language: fail(meta.lang),
      body: fail('(article text)'),
    };
  }
  const expectedSite = squash(meta.siteName);
  const gotSite = squash(doc.site);
  const siteOk =
    expectedSite === null
      ? gotSite === null || gotSite === hostOf(doc.sourceUrl)
      : gotSite?.toLowerCase() === expectedSite.toLowerCase();
  const expectedLang = squash(meta.lang)?.toLowerCase() ?? null;
  const similarity = tokenSimilarity(tokens(expectedBody), tokens(doc.text), BODY_THRESHOLD);
  return {
    title: { ok: titleMatches(doc.title, meta.title, doc.site), expected: meta.title, got: doc.title },
    byline: { ok: byline(meta.byline) === byline(doc.author), expected: meta.byline, got: doc.author },
    date: { ok: dateOk(meta.publishedTime, doc.published, source), expected: meta.publishedTime, got: doc.published },
    site: { ok: siteOk, expected: meta.siteName, got: doc.site },
    // A page that declares no language is not scored on it: Gloss guesses one, which is not wrong.
    language: {
      ok: expectedLang === null || expectedLang === (squash(doc.language)?.toLowerCase() ?? null),
      expected: meta.lang,
      got: doc.language,
    },
    body: { ok: similarity >= BODY_THRESHOLD, expected: '≥ 0.99', got: similarity.toFixed(3) },
  };
}
