import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { makeEpub } from '../../../tests/support/make-epub';
import { textContentOfHtml } from '../fragment-text';
import { importDocument } from '../import-document';

// A 1×1 PNG.
const PIXEL = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

const book = {
  title: 'The Harbour Years',
  author: 'Mara Lindqvist',
  date: '2019-04-02T00:00:00Z',
  language: 'sv',
  chapters: [
    { file: 'one.xhtml', title: 'Arrival', body: '<h1>Arrival</h1><p>The ferry came in at dawn.</p>' },
    {
      file: 'text/two.xhtml',
      title: 'The Winter',
      body: '<p>Ice closed the bay.</p><img src="../pic.png" alt="the bay"/><img src="https://example.com/x.png"/><script>globalThis.__epubScript = 1</script>',
    },
  ],
  files: { 'pic.png': PIXEL },
};

describe('EPUB import', () => {
  it('reads the spine in order as one article, with the book’s details', () => {
    const doc = importDocument({ name: 'harbour.epub', bytes: makeEpub(book) });
    expect(doc.format).toBe('epub');
    expect(doc.sourceExt).toBe('epub');
    expect(doc.title).toBe('The Harbour Years');
    expect(doc.author).toBe('Mara Lindqvist');
    expect(doc.published).toBe('2019-04-02');
    expect(doc.language).toBe('sv');
    expect(doc.text.indexOf('The ferry came in at dawn.')).toBeLessThan(doc.text.indexOf('Ice closed the bay.'));
  });

  it('gives a chapter without a heading its title from the table of contents', () => {
    const doc = importDocument({ name: 'harbour.epub', bytes: makeEpub(book) });
    expect(doc.html).toMatch(/<h2>The Winter<\/h2>\s*<p>Ice closed the bay\.<\/p>/);
    expect(doc.html.match(/<h1>Arrival<\/h1>/g)).toHaveLength(1);
  });

  it('reads the EPUB 2 table of contents (NCX) too', () => {
    const doc = importDocument({ name: 'harbour.epub', bytes: makeEpub({ ...book, ncx: true }) });
    expect(doc.html).toContain('<h2>The Winter</h2>');
  });

  it('keeps images from inside the book and drops remote ones and scripts', () => {
    const doc = importDocument({ name: 'harbour.epub', bytes: makeEpub(book) });
    expect(doc.html).toContain('src="data:image/png;base64,');
    expect(doc.html).toContain('alt="the bay"');
    expect(doc.html).not.toContain('example.com');
    expect(doc.html).not.toContain('script');
  });

  it('turns links between chapters into links inside the article, to the right chapter’s element', () => {
    const linked = makeEpub({
      title: 'Field Notes',
      chapters: [
        {
          file: 'one.xhtml',
          title: 'Marsh',
          body:
            '<h1 id="top">Marsh</h1><p id="sec3">Reeds grow here.</p>' +
            '<p>See <a href="text/two.xhtml#sec3">the dyke</a>, <a href="text/two.xhtml">the second chapter</a>, ' +
            '<a href="text/two.xhtml#gone">a lost section</a>, <a href="pic.png">a picture</a> and ' +
            '<a href="https://example.org/marsh">the map</a>.</p>',
        },
        {
          file: 'text/two.xhtml',
          title: 'Dyke',
          body:
            '<h1>Dyke</h1><p>The dyke was raised twice.</p><h2 id="sec3">Repairs</h2><p>Stones came by barge.</p>' +
            '<p>Back to <a href="../one.xhtml#top">the marsh</a>; up to <a href="#sec3">the repairs</a>.</p>',
        },
      ],
      files: { 'pic.png': PIXEL },
    });
    const doc = importDocument({ name: 'notes.epub', bytes: linked });
    expect(doc.html).toContain('<a href="#epub-2-sec3">the dyke</a>');
    expect(doc.html).toContain('<a href="#epub-2">the second chapter</a>');
    // A fragment the chapter does not have leads to the chapter's start; a file outside the spine nowhere.
    expect(doc.html).toContain('<a href="#epub-2">a lost section</a>');
    expect(doc.html).toContain('<a>a picture</a>');
    expect(doc.html).toContain('<a href="https://example.org/marsh">the map</a>');
    expect(doc.html).toContain('<a href="#epub-1-top">the marsh</a>');
    expect(doc.html).toContain('<a href="#epub-2-sec3">the repairs</a>');
    // The targets keep their (renamed) ids, chapter 2's "sec3" apart from chapter 1's, which no link
    // points at and which goes like any other id.
    expect(doc.html).toContain('<section id="user-content-epub-2">');
    expect(doc.html).toContain('<h2 id="user-content-epub-2-sec3">Repairs</h2>');
    expect(doc.html).toContain('<h1 id="user-content-epub-1-top">Marsh</h1>');
    expect(doc.html).toContain('<p>Reeds grow here.</p>');
    expect(doc.html.match(/ id="/g)).toHaveLength(3);
    expect(textContentOfHtml(doc.html)).toBe(doc.text);
  });

  it('reaches an EPUB 2 target marked with <a name>, and a chapter whose file name is escaped', () => {
    const old = makeEpub({
      title: 'Old Style',
      ncx: true,
      chapters: [
        { file: 'first.xhtml', title: 'First', body: '<p>See <a href="notes%20page.xhtml#n1">note 1</a>.</p>' },
        { file: 'notes page.xhtml', title: 'Notes', body: '<p><a name="n1"></a>The first note.</p>' },
      ],
    });
    const doc = importDocument({ name: 'old.epub', bytes: old });
    expect(doc.html).toContain('<a href="#epub-2-n1">note 1</a>');
    expect(doc.html).toContain('<a id="user-content-epub-2-n1"></a>The first note.');
  });

  it('is recognised by its content whatever the file is called', () => {
    const doc = importDocument({ name: 'download', bytes: makeEpub(book) });
    expect(doc.format).toBe('epub');
  });

  it('names a broken book instead of failing obscurely', () => {
    const noContainer = zipSync({ mimetype: strToU8('application/epub+zip') });
    expect(() => importDocument({ name: 'a.epub', bytes: noContainer })).toThrow(
      /"a\.epub" is not a readable EPUB \(it has no package file\)/,
    );
    expect(() => importDocument({ name: 'b.epub', bytes: strToU8('PK\u0003\u0004 not really') })).toThrow(
      /"b\.epub" is damaged and could not be read as an EPUB/,
    );
    const empty = makeEpub({ ...book, chapters: [{ file: 'one.xhtml', title: '', body: '<p> </p>' }] });
    expect(() => importDocument({ name: 'c.epub', bytes: empty })).toThrow(/has no (?:readable text|words)/);
  });
});
