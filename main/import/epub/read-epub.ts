// An EPUB as one continuous article: each chapter of the spine in order, sanitized by the same
// pipeline as a saved page, its images (those inside the book) kept inline, a heading from the
// table of contents where a chapter has none of its own, and links between chapters kept as links
// inside the article (epub-links.ts).
import { toCanonicalHtml } from '../canonical-html';
import { escapeText } from '../text-to-html';
import { parsePageDocument } from '../page-dom';
import { openEpubArchive, resolveHref, type EpubArchive } from './epub-archive';
import { BookLinks } from './epub-links';
import { readEpubPackage, type EpubChapter } from './epub-package';

export interface EpubReading {
  html: string;
  text: string;
  title: string | null;
  author: string | null;
  published: string | null;
  language: string | null;
}

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** Larger pictures are left out: each is stored inline (base64) in the article's text file. */
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

function inlineImages(body: HTMLElement, chapterPath: string, archive: EpubArchive): void {
  for (const img of Array.from(body.querySelectorAll('img'))) {
    const path = resolveHref(chapterPath, img.getAttribute('src') ?? '');
    const type = IMAGE_TYPES[path.split('.').pop()?.toLowerCase() ?? ''];
    const bytes = type ? archive.bytes(path) : null;
    if (!type || !bytes || bytes.length > MAX_IMAGE_BYTES) {
      img.remove();
      continue;
    }
    img.setAttribute('src', `data:${type};base64,${Buffer.from(bytes).toString('base64')}`);
  }
}

/** Chapter `n` (from 1) as a <section>, its links pointed inside the book. */
function chapterMarkup(chapter: EpubChapter, n: number, archive: EpubArchive, links: BookLinks): string {
  const source = archive.text(chapter.path);
  if (source === null) return '<section></section>';
  const body = parsePageDocument(source).body;
  inlineImages(body, chapter.path, archive);
  links.rewrite(body, n, chapter.path);
  const hasHeading = body.querySelector('h1, h2, h3') !== null;
  const heading = !hasHeading && chapter.tocTitle ? `<h2>${escapeText(chapter.tocTitle)}</h2>` : '';
  return `<section id="${links.rootId(n)}">${heading}${body.innerHTML}</section>`;
}

export function readEpub(bytes: Uint8Array, name: string): EpubReading {
  const archive = openEpubArchive(bytes, name);
  const book = readEpubPackage(archive, name);
  const links = new BookLinks(book.chapters.map((c) => c.path));
  // One chapter parsed at a time (a whole book's DOM at once would double the memory): links to a
  // later chapter are written before its ids are known, so the sanitizer settles them (finish()).
  const markup = book.chapters.map((chapter, i) => chapterMarkup(chapter, i + 1, archive, links)).join('\n');
  const { html, text } = toCanonicalHtml(markup, { links: links.finish() });
  return { html, text, title: book.title, author: book.author, published: book.published, language: book.language };
}
