// Small EPUBs written in the tests: a package, chapters and a table of contents, zipped the way
// the EPUB specification asks (the "mimetype" entry first and stored uncompressed).
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface EpubChapterSpec {
  file: string;
  title: string;
  body: string;
}

export interface EpubSpec {
  title?: string;
  author?: string;
  date?: string;
  language?: string;
  chapters: EpubChapterSpec[];
  /** EPUB 2: a toc.ncx instead of the EPUB 3 nav document. */
  ncx?: boolean;
  /** Extra files inside OEBPS/ (images). */
  files?: Record<string, Uint8Array>;
}

function opf(spec: EpubSpec): string {
  const meta = [
    spec.title ? `<dc:title>${spec.title}</dc:title>` : '',
    spec.author ? `<dc:creator>${spec.author}</dc:creator>` : '',
    spec.date ? `<dc:date>${spec.date}</dc:date>` : '',
    `<dc:language>${spec.language ?? 'en'}</dc:language>`,
  ].join('');
  const items = spec.chapters
    .map((c, i) => `<item id="c${i}" href="${c.file}" media-type="application/xhtml+xml"/>`)
    .concat(Object.keys(spec.files ?? {}).map((f, i) => `<item id="f${i}" href="${f}" media-type="image/png"/>`))
    .concat(
      spec.ncx
        ? ['<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>']
        : ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'],
    )
    .join('');
  const spine = spec.chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('');
  return `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">${meta}</metadata><manifest>${items}</manifest><spine${spec.ncx ? ' toc="ncx"' : ''}>${spine}</spine></package>`;
}

function nav(spec: EpubSpec): string {
  const links = spec.chapters.map((c) => `<li><a href="${c.file}">${c.title}</a></li>`).join('');
  return `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>${links}</ol></nav></body></html>`;
}

function ncx(spec: EpubSpec): string {
  const points = spec.chapters
    .map(
      (c, i) =>
        `<navPoint id="p${i}"><navLabel><text>${c.title}</text></navLabel><content src="${c.file}"/></navPoint>`,
    )
    .join('');
  return `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>${points}</navMap></ncx>`;
}

function chapter(c: EpubChapterSpec): string {
  return `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${c.title}</title></head><body>${c.body}</body></html>`;
}

export function makeEpub(spec: EpubSpec): Uint8Array {
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': strToU8(opf(spec)),
    [spec.ncx ? 'OEBPS/toc.ncx' : 'OEBPS/nav.xhtml']: strToU8(spec.ncx ? ncx(spec) : nav(spec)),
  };
  for (const c of spec.chapters) files[`OEBPS/${c.file}`] = strToU8(chapter(c));
  for (const [file, bytes] of Object.entries(spec.files ?? {})) files[`OEBPS/${file}`] = bytes;
  return zipSync(files);
}
