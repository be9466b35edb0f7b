// Malformed and huge input at the importer, for what main/import's own tests do
// not already cover: extreme nesting, path-like and reserved names, UTF-16BE,
// a Latin-1 page declared through http-equiv, and the renderer's copy of the size limit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../main/model/errors';
import { importDocument } from '../../main/import/import-document';
import { MAX_IMPORT_BYTES } from '../../main/import/import-limits';

const PARAGRAPH = 'The ferry timetable for the winter season was posted at the harbour office on Monday morning.';
const utf8 = (s: string) => new TextEncoder().encode(s);

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error.toApiError();
    throw error;
  }
  throw new Error('expected the import to be refused');
}

describe('extreme nesting', () => {
  it('refuses 100,000 nested elements quickly, naming the file', () => {
    const n = 100_000;
    const html = `<!doctype html><title>Deep</title><p>${PARAGRAPH}</p>${'<div>'.repeat(n)}bottom${'</div>'.repeat(n)}`;
    const t0 = performance.now();
    const e = refusal(() => importDocument({ name: 'deep.html', bytes: utf8(html) }));
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(e.code).toBe('unsupported_file');
    expect(e.message).toContain('"deep.html"');
  });

  it('imports 100,000 nested Markdown quotes without a stack overflow, keeping the text around them', () => {
    const md = `# Deep Quotes\n\n${PARAGRAPH}\n\n${'>'.repeat(100_000)} bottom\n\nClosing words of the page.\n`;
    const doc = importDocument({ name: 'quotes.md', bytes: utf8(md) });
    expect(doc.title).toBe('Deep Quotes');
    expect(doc.text).toContain(PARAGRAPH);
    expect(doc.text).toContain('Closing words of the page.');
  });
});

describe('file names', () => {
  it.each(['../../escape.md', '..\\..\\escape.md', '/etc/passwd.md', 'CON.md', 'nul.txt', `${'x'.repeat(300)}.md`])(
    'imports %s by its content; the title never carries a path',
    (name) => {
      const doc = importDocument({ name, bytes: utf8(`${PARAGRAPH}\n\n${PARAGRAPH}\n`) });
      expect(doc.text).toContain(PARAGRAPH);
      expect(doc.title).not.toMatch(/[\\/]|\.\./);
    },
  );
});

describe('encodings', () => {
  it('decodes UTF-16BE with a BOM', () => {
    const body = Buffer.from(`Big End\n\nZürich café — ${PARAGRAPH}\n`, 'utf16le').swap16();
    const doc = importDocument({ name: 'be.txt', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), body]) });
    expect(doc.text).toContain('Zürich café — The ferry');
  });

  it('honours a Latin-1 charset declared with http-equiv', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Latin</title></head><body><article><h1>Latin</h1><p>Señor Müller paid at the café in Malmö. ${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
    const doc = importDocument({ name: 'latin.html', bytes: Buffer.from(html, 'latin1') });
    expect(doc.text).toContain('Señor Müller paid at the café in Malmö.');
  });
});

describe('the renderer refuses oversized files before reading them', () => {
  it('with the importer’s limit (the renderer may not import main/, so its copy is read as text)', () => {
    const source = readFileSync(
      join(import.meta.dirname, '..', '..', 'renderer', 'features', 'import', 'file-to-incoming.ts'),
      'utf8',
    );
    const match = /export const MAX_IMPORT_BYTES = ([\d\s*_]+);/.exec(source);
    expect(match, 'renderer/features/import/file-to-incoming.ts declares MAX_IMPORT_BYTES').toBeTruthy();
    const value = match![1]!
      .split('*')
      .reduce((product, factor) => product * Number(factor.trim().replace(/_/g, '')), 1);
    expect(value).toBe(MAX_IMPORT_BYTES);
  });
});

describe('pathological Markdown', () => {
  it('markup too dense to render in linear time (*_[ runs) is kept as its exact text instead', () => {
    const body = `# Stars\n\nA few words first.\n\n${'*_['.repeat(100_000)}\n`;
    const doc = importDocument({ name: 'stars.md', bytes: utf8(body) });
    expect(doc.text).toBe(body); // as a .txt would be: offsets index into the file
    expect(doc.html).not.toContain('<em>');
    // Ordinary Markdown of the same size still renders.
    const prose = `# Prose\n\n${`Some *emphasis* and a [link](https://example.org) in ${PARAGRAPH}\n\n`.repeat(2000)}`;
    const rendered = importDocument({ name: 'prose.md', bytes: utf8(prose) });
    expect(rendered.html).toContain('<em>emphasis</em>');
  });
});
