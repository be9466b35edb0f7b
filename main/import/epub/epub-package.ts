// An EPUB's package: where the OPF is (META-INF/container.xml), its metadata, the reading order
// (spine) and the table of contents (the EPUB 3 nav document, else the EPUB 2 NCX).
import { AppError } from '../../model/errors';
import { parseXml } from '../html-window';
import { parsePageDocument } from '../page-dom';
import { resolveHref, type EpubArchive } from './epub-archive';

export interface EpubChapter {
  /** Archive path of the XHTML file. */
  path: string;
  /** Its title in the table of contents, when it has one. */
  tocTitle: string | null;
}

export interface EpubPackage {
  title: string | null;
  author: string | null;
  published: string | null;
  language: string | null;
  chapters: EpubChapter[];
}

function byName(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName));
}

function firstText(root: Document, localName: string): string | null {
  const value = byName(root, localName)[0]?.textContent?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

function damaged(name: string, what: string): AppError {
  return new AppError('unsupported_file', `"${name}" is not a readable EPUB (${what}).`);
}

function packagePath(archive: EpubArchive, name: string): string {
  const container = archive.text('META-INF/container.xml');
  const doc = container === null ? null : parseXml(container);
  const path = doc ? byName(doc, 'rootfile')[0]?.getAttribute('full-path') : null;
  if (!path) throw damaged(name, 'it has no package file');
  return path;
}

/** A date as the reader shows it: the calendar day of an ISO date, or the year alone. */
function isoDay(value: string | null): string | null {
  const match = value?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/);
  if (!match) return null;
  const [, year = '', month, day] = match;
  return month && day ? `${year}-${month}-${day}` : year;
}

export function readEpubPackage(archive: EpubArchive, name: string): EpubPackage {
  const opfPath = packagePath(archive, name);
  const opfText = archive.text(opfPath);
  const opf = opfText === null ? null : parseXml(opfText);
  if (!opf) throw damaged(name, 'its package file is missing or malformed');
  const manifest = new Map<string, { path: string; type: string; properties: string }>();
  for (const item of byName(opf, 'item')) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    if (!id || !href) continue;
    manifest.set(id, {
      path: resolveHref(opfPath, href),
      type: item.getAttribute('media-type') ?? '',
      properties: item.getAttribute('properties') ?? '',
    });
  }
  const nav = [...manifest.values()].find((item) => item.properties.split(/\s+/).includes('nav'));
  const ncxId = byName(opf, 'spine')[0]?.getAttribute('toc');
  const ncx = ncxId ? manifest.get(ncxId) : [...manifest.values()].find((i) => i.type === 'application/x-dtbncx+xml');
  const titles = nav ? navTitles(archive, nav.path) : ncx ? ncxTitles(archive, ncx.path) : new Map<string, string>();
  const chapters: EpubChapter[] = [];
  for (const ref of byName(opf, 'itemref')) {
    const item = manifest.get(ref.getAttribute('idref') ?? '');
    if (!item || !/html/i.test(item.type) || ref.getAttribute('linear') === 'no') continue;
    chapters.push({ path: item.path, tocTitle: titles.get(item.path) ?? null });
  }
  if (chapters.length === 0) throw damaged(name, 'its reading order lists no chapters');
  return {
    title: firstText(opf, 'title'),
    author: firstText(opf, 'creator'),
    published: isoDay(firstText(opf, 'date')),
    language: firstText(opf, 'language'),
    chapters,
  };
}

/** The first title the table of contents gives each file (a chapter's later sections share its file). */
function addTitle(titles: Map<string, string>, path: string, title: string | null | undefined): void {
  const clean = title?.replace(/\s+/g, ' ').trim();
  if (clean && !titles.has(path)) titles.set(path, clean);
}

function navTitles(archive: EpubArchive, navPath: string): Map<string, string> {
  const titles = new Map<string, string>();
  const source = archive.text(navPath);
  if (source === null) return titles;
  const doc = parsePageDocument(source);
  const toc = Array.from(doc.querySelectorAll('nav')).find((n) => /toc/.test(n.getAttribute('epub:type') ?? ''));
  for (const link of Array.from((toc ?? doc).querySelectorAll('a[href]'))) {
    addTitle(titles, resolveHref(navPath, link.getAttribute('href') ?? ''), link.textContent);
  }
  return titles;
}

function ncxTitles(archive: EpubArchive, ncxPath: string): Map<string, string> {
  const titles = new Map<string, string>();
  const source = archive.text(ncxPath);
  const doc = source === null ? null : parseXml(source);
  if (!doc) return titles;
  for (const point of byName(doc, 'navPoint')) {
    const src = byName(point, 'content')[0]?.getAttribute('src');
    if (src) addTitle(titles, resolveHref(ncxPath, src), byName(point, 'text')[0]?.textContent);
  }
  return titles;
}
