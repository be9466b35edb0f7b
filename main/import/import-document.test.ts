import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../model/errors';
import { textContentOfHtml } from './fragment-text';
import { parseIntoBody } from './html-window';
import { importDocument, importPaste, type ImportedDocument } from './import-document';
import { MAX_IMPORT_BYTES } from './import-limits';

const FIXTURES = new URL('../../tests/fixtures/import/', import.meta.url);
const fixture = (name: string): Uint8Array => readFileSync(new URL(name, FIXTURES));
const importFixture = (name: string): ImportedDocument => importDocument({ name, bytes: fixture(name) });
const bytes = (s: string): Uint8Array => Buffer.from(s, 'utf8');

function rejection(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected an AppError');
}

describe('canonical text invariant', () => {
  const names = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(new URL(FIXTURES).pathname.length)}/${entry.name}`.replace(/^\//, ''));

  it.each(names)('%s: text equals the textContent of html parsed into a div', (name) => {
    const doc = importFixture(name);
    expect(doc.text.length).toBeGreaterThan(0);
    expect(parseIntoBody(doc.html).textContent).toBe(doc.text);
    // parse5 in a <div> context: exactly what `div.innerHTML = html` builds in a browser.
    expect(textContentOfHtml(doc.html)).toBe(doc.text);
  });

  it('holds for the welcome article, which imports with its front matter title', () => {
    const doc = importDocument({
      name: 'welcome.md',
      bytes: readFileSync(new URL('../../data/welcome.md', import.meta.url)),
    });
    expect(textContentOfHtml(doc.html)).toBe(doc.text);
    expect(doc.title).toBe('After the Lagoon Raids, Gulf of Guinea Navies Rethink Their Shared Patrols');
    expect(doc.wordCount).toBeGreaterThan(900);
    expect(doc.wordCount).toBeLessThan(1400);
    expect(doc.html).toContain('<blockquote>');
  });

  it('holds for pastes too', () => {
    for (const doc of [
      importPaste({ html: '<p>One  <b>two</b>\n three</p><ul><li>a</li> <li>b</li></ul>' }),
      importPaste({ text: 'Line one\r\n\r\nLine  two\n' }),
    ]) {
      expect(parseIntoBody(doc.html).textContent).toBe(doc.text);
    }
  });
});

describe('no words', () => {
  it('refuses a file of punctuation alone', () => {
    const error = rejection(() => importDocument({ name: 'stars.md', bytes: bytes('*_['.repeat(2000)) }));
    expect(error.code).toBe('unsupported_file');
    expect(error.message).toBe('"stars.md" has no words to read.');
  });
});

describe('page structure', () => {
  it('writes a page’s landmarks out as plain blocks, keeping their text', () => {
    const page =
      '<html><body><main><article><header><h1>Ferry Notes</h1></header><section><p>The ferry left at noon with ' +
      'forty passengers and a cargo of timber for the island school.</p></section><footer>Filed at noon.</footer>' +
      '</article></main></body></html>';
    const doc = importDocument({ name: 'notes.html', bytes: bytes(page) });
    expect(doc.html).not.toMatch(/<\/?(article|main|nav|aside|header|footer)\b/);
    expect(doc.text).toContain('forty passengers');
    expect(textContentOfHtml(doc.html)).toBe(doc.text);
  });
});

describe('plain text', () => {
  it('finds the repeated headline of a page saved as text, past the navigation lines', () => {
    const doc = importFixture('saved-page.txt');
    expect(doc.title).toBe('Harbour Politics Reshape the Baltic Ferry Dispute');
    expect(doc.format).toBe('txt');
    expect(doc.sourceExt).toBe('txt');
  });

  it('without reader mode keeps the decoded file text exactly as the canonical text, CRLF included', () => {
    const raw = 'Title line here for the test\r\n\r\nFirst paragraph,\r\nstill first.\r\n\r\n\r\nSecond & <last>.\r\n';
    const doc = importDocument({ name: 'crlf.txt', bytes: bytes(raw), readerMode: false });
    expect(doc.text).toBe(raw);
    expect(doc.removed).toEqual([]);
    expect(doc.html).toContain('&#13;');
    expect(parseIntoBody(doc.html).querySelectorAll('p')).toHaveLength(3);
    expect(parseIntoBody(doc.html).textContent).toBe(raw);
  });

  it('drops a UTF-8 BOM and keeps leading and trailing blank lines in the text', () => {
    const doc = importDocument({ name: 'bom.txt', bytes: bytes('\uFEFF\n\nHello there, reader\n\n') });
    expect(doc.text).toBe('\n\nHello there, reader\n\n');
    expect(parseIntoBody(doc.html).textContent).toBe(doc.text);
  });

  it('in reader mode takes the title out of the text and writes paragraphs with canonical line ends', () => {
    const raw = 'Title line here for the test\r\n\r\nFirst paragraph,\r\nstill first.\r\n\r\n\r\nSecond & <last>.\r\n';
    const doc = importDocument({ name: 'crlf.txt', bytes: bytes(raw) });
    expect(doc.title).toBe('Title line here for the test');
    expect(doc.text).toBe('First paragraph,\nstill first.\n\nSecond & <last>.');
    expect(doc.removed).toEqual([{ at: 0, text: 'Title line here for the test', reason: 'title' }]);
    expect(parseIntoBody(doc.html).textContent).toBe(doc.text);
    expect(textContentOfHtml(doc.html)).toBe(doc.text);
  });

  it('decodes UTF-16 with a BOM', () => {
    const doc = importFixture('utf16le.txt');
    expect(doc.title).toBe('Notes on the Delta Survey');
    expect(doc.text).toContain('La réunion finale a eu lieu à Dakar.');
    expect(importDocument({ name: 'utf16le.txt', bytes: fixture('utf16le.txt'), readerMode: false }).text).toContain(
      '\r\n',
    );
  });

  it('counts words and reading time at 238 words a minute', () => {
    const doc = importDocument({
      name: 'w.txt',
      bytes: bytes(Array.from({ length: 476 }, (_, i) => `word${i}`).join(' ')),
    });
    expect(doc.wordCount).toBe(476);
    expect(doc.readingMinutes).toBe(2);
  });

  it('hashes source bytes and text', () => {
    const doc = importFixture('saved-page.txt');
    expect(doc.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.textSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.sourceBytes).toEqual(fixture('saved-page.txt'));
  });

  it('sniffs an unknown extension: text is imported as txt', () => {
    const doc = importDocument({
      name: 'notes.log',
      bytes: bytes('A perfectly ordinary note about ports\n\nMore text.'),
    });
    expect(doc.format).toBe('txt');
    expect(doc.title).toBe('A perfectly ordinary note about ports');
  });

  it('sniffs an unknown extension: an HTML page is imported as HTML', () => {
    const doc = importDocument({ name: 'page', bytes: fixture('saved-page.html') });
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('The Quiet Grain Corridor');
  });

  it('imports a 20 MB text file', () => {
    const para = 'The delegation from the Northern Council met port officials in Kestrel Bay on Tuesday.\n\n';
    const big = para.repeat(Math.ceil((20 * 1024 * 1024) / para.length));
    const doc = importDocument({ name: 'big.txt', bytes: bytes(big) });
    expect(doc.text).toBe(big.trimEnd());
    expect(doc.wordCount).toBeGreaterThan(3_000_000);
  });
});

describe('markdown', () => {
  it('renders the document and takes the first # heading as title, front matter as metadata', () => {
    const doc = importFixture('field-notes.md');
    expect(doc.title).toBe('Field Notes from the River Delta');
    expect(doc.author).toBe('Tomas Reyes');
    expect(doc.published).toBe('2025-05-02');
    expect(doc.sourceUrl).toBe('https://notes.example.org/field-notes');
    expect(doc.format).toBe('md');
    expect(doc.html).toContain('<h2>What we found</h2>');
    expect(doc.html).toContain('<blockquote>');
    expect(doc.html).not.toMatch(/href="javascript/);
    expect(doc.text).toContain('What we found\n\nThree councils');
    expect(doc.text).toContain('dam operator.\nTwo villages');
    expect(doc.text).toContain('rows = load("survey.csv")\nclean = ');
  });

  it('keeps a Markdown file over the render limit as exact plain text, quickly', () => {
    const para = 'A paragraph with *emphasis* and a [link](https://x.example) in it.\n\n';
    const source = '# Huge Notes\n\n' + para.repeat(Math.ceil((20 * 1024 * 1024) / para.length));
    const t = performance.now();
    const doc = importDocument({ name: 'huge.md', bytes: bytes(source) });
    expect(performance.now() - t).toBeLessThan(15_000);
    expect(doc.format).toBe('md');
    expect(doc.title).toBe('Huge Notes');
    expect(doc.text).toBe(source);
  });

  it('prefers a front matter title', () => {
    const doc = importDocument({
      name: 'x.md',
      bytes: bytes('---\ntitle: "Front Title"\n---\n# Heading\n\nBody text.'),
    });
    expect(doc.title).toBe('Front Title');
    expect(doc.text.startsWith('Heading\n\nBody text.')).toBe(true);
  });

  it('removes raw HTML payloads from markdown', () => {
    const doc = importDocument({
      name: 'x.md',
      bytes: bytes(
        '# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](file:///etc/passwd) [c](https://ok.example)',
      ),
    });
    expect(doc.html).not.toMatch(/<script|onerror=|href="(?:javascript|file)/i);
    expect(doc.text).not.toContain('alert(1)</script>');
    expect(doc.html).toContain('href="https://ok.example"');
  });
});

describe('html', () => {
  it('extracts the article and its metadata from a saved page', () => {
    const doc = importFixture('saved-page.html');
    expect(doc.title).toBe('The Quiet Grain Corridor');
    expect(doc.author).toBe('Amara Okafor');
    expect(doc.site).toBe('Meridian Review');
    expect(doc.published).toBe('2025-03-18T09:30:00Z');
    expect(doc.sourceUrl).toBe('https://www.meridian-review.example/analysis/grain');
    expect(doc.language).toBe('en-GB');
    expect(doc.text).toContain('Black Sea Grain Initiative, which collapsed in July 2023');
    expect(doc.text).toContain('Who keeps the lane open\n\nOfficials in Bucharest');
    expect(doc.text).not.toMatch(/Subscribe|Buy now|Privacy|pwned/);
    expect(doc.html).not.toMatch(/<script|<style|class=|https:\/\/img\./);
    expect(doc.text).toContain('[image: Grain silos at the port of Varna]');
  });

  it('honours a declared windows-1252 charset', () => {
    const doc = importFixture('latin1.html');
    expect(doc.title).toBe('Le café du port');
    expect(doc.text).toContain('l’on payait 2 € le café');
    expect(doc.language).toBe('fr');
  });

  it('imports a short simple page through the body fallback', () => {
    const doc = importDocument({
      name: 'short.html',
      bytes: bytes('<html><body><p>Just a short note about the harbour.</p></body></html>'),
    });
    expect(doc.text).toBe('Just a short note about the harbour.');
  });

  it('reads a very wide page whole, without its navigation, instead of running Readability on it', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<div>Entry ${i} of a very long flat list.</div>`).join('');
    const doc = importDocument({
      name: 'wide.html',
      bytes: bytes(`<html><body><nav><a href="/">Home</a></nav><div>${rows}</div></body></html>`),
    });
    expect(doc.text.startsWith('Entry 0 of a very long flat list.\n\nEntry 1')).toBe(true);
    expect(doc.text).not.toContain('Home');
    expect(doc.wordCount).toBe(3000 * 8);
  });

  it('takes a book-length page from its single <article>, without the page chrome', () => {
    const paras = Array.from(
      { length: 4000 },
      (_, i) => `<p>Paragraph ${i} about the river talks, with <em>enough</em> words to be long.</p>`,
    ).join('\n');
    const page = `<html><head><title>Long Read | Site</title><meta property="og:site_name" content="The Site"></head><body><nav><a href="/">Home</a></nav><article><h1>Long Read</h1><aside>Related stories</aside>${paras}</article><footer>Footer text</footer></body></html>`;
    const doc = importDocument({ name: 'long.html', bytes: bytes(page) });
    expect(doc.title).toBe('Long Read');
    expect(doc.site).toBe('The Site');
    expect(doc.text.startsWith('Long Read\n\nParagraph 0 about')).toBe(true);
    expect(doc.text).not.toMatch(/Home|Related stories|Footer text/);
    expect(doc.text.split('\n\n')).toHaveLength(4001);
  });

  it('imports the hostile page as inert text', () => {
    const doc = importFixture('hostile.html');
    expect(doc.text).toContain('SCRIPT_MARKER should be gone.');
    expect(doc.text).toContain('Final paragraph');
    expect(doc.html).not.toMatch(
      /<script|onerror|onload|onfocus|javascript:|<iframe|srcdoc|<svg|<embed|<object|<form|<input|<button|<style|style=|<base|<meta|<link|<noscript|<template|<video|evil\.example\/(?:a|inline|frame|e\.swf)|tracker\.example|data-|\bid=|\bname=/i,
    );
  });
});

describe('rejections', () => {
  it('rejects an empty file', () => {
    expect(rejection(() => importDocument({ name: 'e.txt', bytes: new Uint8Array() })).code).toBe('empty_file');
  });

  it('rejects whitespace-only and BOM-only files', () => {
    expect(rejection(() => importDocument({ name: 'w.txt', bytes: bytes(' \n\t\r\n ') })).code).toBe('empty_file');
    expect(rejection(() => importDocument({ name: 'b.md', bytes: bytes('\uFEFF') })).code).toBe('empty_file');
    expect(
      rejection(() => importDocument({ name: 'b.txt', bytes: new Uint8Array([0xff, 0xfe, 0x20, 0x00]) })).code,
    ).toBe('empty_file');
  });

  it('rejects files over the size limit and names the limit', () => {
    const e = rejection(() =>
      importDocument({ name: 'huge.txt', bytes: new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61) }),
    );
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('"huge.txt"');
    expect(e.message).toContain('32.0 MB');
  });

  it.each([
    ['image.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'PNG image'],
    ['paper.pdf', [...Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')], 'PDF document'],
    ['book.txt', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0], 'ZIP archive'],
    ['setup.md', [0x4d, 0x5a, 0x90, 0, 0x03, 0, 0, 0], 'Windows program'],
    ['nul.txt', [...Buffer.from('hello\0world')], 'binary file'],
    ['ctrl.txt', [...Buffer.from('a\x01b\x02c\x03d\x04e\x05f\x06')], 'binary file'],
  ])('rejects %s as not text', (name, data, what) => {
    const e = rejection(() => importDocument({ name, bytes: new Uint8Array(data) }));
    expect(e.code).toBe('unsupported_file');
    expect(e.message).toContain(what);
    expect(e.message).toContain(`"${name}"`);
  });

  it('rejects invalid UTF-8 without a declared charset', () => {
    const e = rejection(() =>
      importDocument({ name: 'bad.txt', bytes: new Uint8Array([0x48, 0x69, 0x20, 0xe9, 0x74, 0xe9]) }),
    );
    expect(e.code).toBe('unsupported_file');
    expect(e.message).toContain('UTF-8');
    const html = Buffer.concat([
      Buffer.from('<html><body><p>caf'),
      Buffer.from([0xe9]),
      Buffer.from('</p></body></html>'),
    ]);
    expect(rejection(() => importDocument({ name: 'bad.html', bytes: html })).code).toBe('unsupported_file');
  });

  it('rejects an unknown extension that is not text', () => {
    const e = rejection(() => importDocument({ name: 'data.bin', bytes: new Uint8Array([0x80, 0x81, 0x41, 0x42]) }));
    expect(e.code).toBe('unsupported_file');
  });

  it('rejects HTML without readable text', () => {
    const e = rejection(() =>
      importDocument({
        name: 'blank.html',
        bytes: bytes(
          '<html><head><title>x</title><script>a()</script></head><body><img src="https://x/y.png"></body></html>',
        ),
      }),
    );
    expect(e.code).toBe('unsupported_file');
    expect(e.message).toContain('no readable article');
  });

  it('rejects 100,000 nested <div>s quickly instead of parsing them', () => {
    const deep = '<html><body>' + '<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000) + '</body></html>';
    const t = performance.now();
    const e = rejection(() => importDocument({ name: 'deep.html', bytes: bytes(deep) }));
    expect(e.code).toBe('unsupported_file');
    expect(e.message).toContain('nested too deeply');
    expect(performance.now() - t).toBeLessThan(5_000);
  });

  it('rejects an empty paste', () => {
    expect(rejection(() => importPaste({ text: '  ', html: '<p> </p>' })).code).toBe('empty_file');
    expect(rejection(() => importPaste({})).code).toBe('empty_file');
  });
});

describe('paste', () => {
  it('prefers HTML and sanitizes it', () => {
    const doc = importPaste({
      html: '<meta charset="utf-8"><h2>Pasted Heading</h2><p>Body <img src=x onerror=alert(1)> text <a href="javascript:x">link</a></p>',
      text: 'Pasted Heading\nBody text link',
    });
    expect(doc.format).toBe('paste-html');
    expect(doc.title).toBe('Pasted Heading');
    expect(doc.text).toBe('Pasted Heading\n\nBody text link');
    expect(doc.html).not.toMatch(/onerror|javascript/);
  });

  it('falls back to the text', () => {
    const doc = importPaste({ text: 'Recent Features\n\nA Pasted Article About Ferries\n\nBody.' });
    expect(doc.format).toBe('paste-text');
    expect(doc.title).toBe('A Pasted Article About Ferries');
    expect(doc.sourceExt).toBe('txt');
  });
});
