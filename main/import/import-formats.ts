// The readers of each format: plain text (with or without reader mode), Markdown and HTML
// pages, each giving the parts of an imported document that import-document.ts finishes.
import type { RemovedPassage, SourceFormat } from '../model/contract';
import { AppError } from '../model/errors';
import { toCanonicalHtml, toCanonicalInertHtml } from './canonical-html';
import { chooseByline } from './choose-byline';
import { extractHtmlArticle } from './extract-html-article';
import { findTextByline, findTextDate, findTextTitle } from './find-text-title';
import { removeHtmlBoilerplate } from './html-boilerplate';
import { parseIntoBody } from './html-window';
import { firstMarkdownHeading, markdownElementBudget, renderMarkdown, splitFrontMatter } from './markdown-to-html';
import { countWords } from './text-stats';
import { textToHtml } from './text-to-html';
import { writeTextArticle } from './text-article';
import { readText } from './text-reader';
import { readEpub } from './epub/read-epub';
import { pdfArticle, pdfText } from './pdf/pdf-article';
import { readPdf } from './pdf/read-pdf';
import { titleParagraph } from './pdf/title-paragraph';

export type Kind = 'txt' | 'md' | 'html' | 'epub' | 'pdf';

/** What a format reader gives: the article, its text and the details found in it. */
export interface Parts {
  format: SourceFormat;
  sourceExt: Kind;
  html: string;
  text: string;
  title: string;
  author: string | null;
  site: string | null;
  published: string | null;
  sourceUrl: string | null;
  language: string | null;
  removed?: RemovedPassage[];
}

export function noReadableText(name: string, kind: Kind): AppError {
  return kind === 'html'
    ? new AppError('unsupported_file', `"${name}" has no readable article text.`)
    : new AppError('unsupported_file', `"${name}" has no readable text.`);
}

/** The text of the first h1 (else h2) of sanitized markup, for pastes and pages without a title. */
function firstHeading(html: string): string | null {
  if (!/<h[12][\s>]/i.test(html)) return null;
  const div = parseIntoBody(html);
  const h = div.querySelector('h1') ?? div.querySelector('h2');
  const t = h?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

export function fromExactText(text: string, name: string, format: SourceFormat): Parts {
  return {
    format,
    sourceExt: 'txt',
    html: textToHtml(text),
    text,
    title: findTextTitle(text, name) ?? baseTitle(name),
    author: findTextByline(text),
    site: null,
    published: findTextDate(text),
    sourceUrl: null,
    language: null,
  };
}

/**
 * Reader mode for text: the article without the page around it. The title, byline and date are
 * found the way a reader finds them; what was set aside is kept, with its place, in `removed`.
 */
export function fromPlainText(text: string, name: string, format: SourceFormat): Parts {
  const reading = readText(text, format === 'txt' ? name : undefined);
  const article = writeTextArticle(reading, text);
  // Nothing left (a text that is all "navigation" by these rules) means the rules are wrong for it.
  if (countWords(article.text) === 0) return fromExactText(text, name, format);
  return {
    format,
    sourceExt: 'txt',
    html: article.html,
    text: article.text,
    removed: article.removed,
    title: reading.title ?? baseTitle(name),
    author: reading.author,
    site: null,
    published: reading.published,
    sourceUrl: null,
    language: null,
  };
}

/**
 * Rendering Markdown costs about a quarter of a second per megabyte, three times that when raw HTML
 * sends it through jsdom and DOMPurify; beyond this size the source is kept as plain text (exact, like
 * a .txt) so a 20 MB file still imports in about a second.
 */
const MARKDOWN_RENDER_LIMIT_BYTES = 2 * 1024 * 1024;

export function fromMarkdown(source: string, name: string): Parts {
  const { body, meta } = splitFrontMatter(source);
  const bytes = Buffer.byteLength(body);
  // Too large, or markup so dense (pathological input) that rendering it would not be linear: exact plain text.
  const rendered = bytes > MARKDOWN_RENDER_LIMIT_BYTES ? null : renderMarkdown(body, markdownElementBudget(bytes));
  const { html, text } =
    rendered === null
      ? { html: textToHtml(body), text: body }
      : rendered.inert
        ? toCanonicalInertHtml(rendered.html)
        : toCanonicalHtml(rendered.html);
  if (text.trim() === '') throw noReadableText(name, 'md');
  return {
    format: 'md',
    sourceExt: 'md',
    html,
    text,
    title: meta.title ?? firstMarkdownHeading(body) ?? findTextTitle(text) ?? baseTitle(name),
    author: meta.author ?? findTextByline(text),
    site: meta.site,
    published: meta.published,
    sourceUrl: meta.sourceUrl,
    language: meta.language,
  };
}

export function fromHtmlPage(source: string, name: string, format: 'html' | 'paste-html' = 'html'): Parts {
  const page = extractHtmlArticle(source, name);
  // The page was read with linkedom; DOMPurify runs over jsdom, so the article crosses as markup.
  const canonical = toCanonicalHtml(page.content.outerHTML);
  if (canonical.text.trim() === '') throw noReadableText(name, 'html');
  const title = page.title ?? firstHeading(canonical.html) ?? findTextTitle(canonical.text) ?? baseTitle(name);
  const { html, text, removed, author } = removeHtmlBoilerplate(canonical, {
    title,
    author: null,
    menus: page.usedBody || format === 'paste-html',
  });
  return {
    format,
    sourceExt: 'html',
    html,
    text,
    removed,
    title,
    // A "By" line in the article beats a publisher the metadata names as author.
    author: chooseByline([...page.bylines, author], page.publishers),
    site: page.site,
    published: page.published,
    sourceUrl: page.sourceUrl,
    language: page.language,
  };
}

export function fromEpub(bytes: Uint8Array, name: string): Parts {
  const book = readEpub(bytes, name);
  if (book.text.trim() === '')
    throw new AppError('unsupported_file', `"${name}" has no readable text in its chapters.`);
  return {
    format: 'epub',
    sourceExt: 'epub',
    html: book.html,
    text: book.text,
    title: book.title ?? firstHeading(book.html) ?? baseTitle(name),
    author: book.author,
    site: null,
    published: book.published,
    sourceUrl: null,
    language: book.language,
  };
}

/** A PDF's text by page; the metadata's title unless it is junk, then the largest line on page 1. */
export async function fromPdf(bytes: Uint8Array, name: string): Promise<Parts> {
  const pdf = await readPdf(bytes, name);
  const title = pdf.title ?? pdf.headingGuess ?? findTextTitle(pdfText(pdf.pages)) ?? baseTitle(name);
  // Page 1's title line is its heading (see pdf-article.ts): the line in the largest type, else,
  // on a page set in one size, its first line when that says the title (further down, the same
  // words in body type are text); not when it is all the PDF says (a one-line memo), which the
  // reader would then hide.
  const alone = pdf.pages.flat().length < 2;
  const near = alone ? null : titleParagraph((pdf.pages[0] ?? []).slice(0, 1), title);
  const { html, text } = pdfArticle(pdf.pages, {
    titleParagraph: pdf.titleParagraph ?? near,
    layout: pdf.layout,
  });
  return {
    format: 'pdf',
    sourceExt: 'pdf',
    html,
    text,
    title,
    author: pdf.author,
    site: null,
    published: pdf.published,
    sourceUrl: null,
    language: pdf.language,
  };
}

export function baseTitle(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? name).replace(/\.[^.]+$/, '');
  return base.replace(/[_]+/g, ' ').trim() || 'Untitled';
}
