import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createGloss, type Gloss } from './composition';
import { readSourceOf } from '../../tests/support/read-source';

const fixtures = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'import');
const opened: Array<{ gloss: Gloss; dir: string }> = [];

async function open(options: { welcome?: boolean } = {}): Promise<Gloss> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-lib-'));
  const gloss = await createGloss({ libraryDir: dir, ...options });
  opened.push({ gloss, dir });
  return gloss;
}

const file = async (name: string, data?: string) => ({
  name,
  dataBase64: (data !== undefined ? Buffer.from(data) : await readFile(join(fixtures, name))).toString('base64'),
});

afterEach(async () => {
  for (const { gloss, dir } of opened.splice(0)) {
    await gloss.close();
    await rm(dir, { recursive: true, force: true });
  }
});

describe('library service', () => {
  it('puts the welcome article in a new library, once', async () => {
    const gloss = await open({ welcome: true });
    const articles = await gloss.api.listArticles({});
    expect(articles).toHaveLength(1);
    const welcome = await gloss.api.getArticle({ id: articles[0]!.id });
    expect(welcome.text.length).toBeGreaterThan(3000);
    expect(welcome.wordCount).toBeGreaterThan(500);
  });

  it('imports files, offers the existing article for a duplicate, and imports anyway when asked', async () => {
    const gloss = await open();
    const [first] = await gloss.api.importFiles({ files: [await file('saved-page.txt')] });
    expect(first?.status).toBe('imported');
    const [again] = await gloss.api.importFiles({ files: [await file('saved-page.txt')] });
    expect(again).toMatchObject({ status: 'duplicate', name: 'saved-page.txt' });
    if (first?.status === 'imported' && again?.status === 'duplicate') expect(again.existing.id).toBe(first.article.id);
    const [forced] = await gloss.api.importFiles({ files: [await file('saved-page.txt')], allowDuplicate: true });
    expect(forced?.status).toBe('imported');
    expect(await gloss.api.listArticles({})).toHaveLength(2);
  });

  it('offers the existing article for a pasted duplicate, and imports the paste anyway when asked', async () => {
    const gloss = await open();
    const paste = { text: 'Harbour notes\n\nThe tide came in early on Tuesday and the ferry waited an hour.' };
    const first = await gloss.api.importPaste(paste);
    expect(first.status).toBe('imported');
    const again = await gloss.api.importPaste(paste);
    expect(again).toMatchObject({ status: 'duplicate', name: 'Pasted text' });
    if (first.status === 'imported' && again.status === 'duplicate') expect(again.existing.id).toBe(first.article.id);
    const forced = await gloss.api.importPaste({ ...paste, allowDuplicate: true });
    expect(forced.status).toBe('imported');
    if (first.status === 'imported' && forced.status === 'imported')
      expect(forced.article.id).not.toBe(first.article.id);
    expect(await gloss.api.listArticles({})).toHaveLength(2);
  });

  it('rejects bad files one by one, keeping the good ones and the library otherwise unchanged', async () => {
    const gloss = await open();
    const outcomes = await gloss.api.importFiles({
      files: [await file('empty.txt', ''), await file('field-notes.md'), await file('blank.md', ' \n\t\n')],
    });
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'imported', 'rejected']);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.error).toMatchObject({ code: 'empty_file' });
    expect(await gloss.api.listArticles({})).toHaveLength(1);
  });

  it('keeps the original bytes, a sanitized body and the canonical text', async () => {
    const gloss = await open();
    const [outcome] = await gloss.api.importFiles({ files: [await file('saved-page.html')] });
    if (outcome?.status !== 'imported') throw new Error('import failed');
    const article = await gloss.api.getArticle({ id: outcome.article.id });
    expect(article.html).not.toMatch(/<script|onerror|<iframe/i);
    expect(article.text.length).toBeGreaterThan(200);
    const source = await readSourceOf(opened.find((o) => o.gloss === gloss)!.dir, article.id);
    expect(Buffer.from(source.bytes).equals(await readFile(join(fixtures, 'saved-page.html')))).toBe(true);
  });

  it('edits metadata, rejects an empty title, and trashes and restores an article', async () => {
    const gloss = await open();
    const [outcome] = await gloss.api.importFiles({ files: [await file('field-notes.md')] });
    if (outcome?.status !== 'imported') throw new Error('import failed');
    const id = outcome.article.id;
    const edited = await gloss.api.updateArticleMeta({
      id,
      patch: { title: '  Better title ', tags: ['a', 'a', ' b '] },
    });
    expect(edited).toMatchObject({ title: 'Better title', tags: ['a', 'b'] });
    await expect(gloss.api.updateArticleMeta({ id, patch: { title: '  ' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await gloss.api.deleteArticle({ id });
    expect(await gloss.api.listArticles({})).toHaveLength(0);
    await gloss.api.restoreArticle({ id });
    expect((await gloss.api.listArticles({}))[0]?.title).toBe('Better title');
  });

  it('validates ids, positions and settings at the door', async () => {
    const gloss = await open();
    await expect(gloss.api.getArticle({ id: '../../etc/passwd' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(gloss.api.getArticle({ id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(gloss.api.updateSettings({ theme: 'neon' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(gloss.api.updateSettings({ fontSize: 400 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await gloss.api.updateSettings({ theme: 'sepia', fontSize: 21 })).theme).toBe('sepia');
    await expect(gloss.api.openExternal({ url: 'javascript:alert(1)' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(gloss.api.openExternal({ url: 'https://example.org' })).rejects.toMatchObject({
      code: 'not_supported',
    });
  });

  it('saves the reading position and progress', async () => {
    const gloss = await open();
    const [outcome] = await gloss.api.importFiles({ files: [await file('saved-page.txt')] });
    if (outcome?.status !== 'imported') throw new Error('import failed');
    await gloss.api.saveReadingPosition({ id: outcome.article.id, position: 420, progress: 0.5 });
    const article = await gloss.api.getArticle({ id: outcome.article.id });
    expect(article.position).toBe(420);
    expect(article.progress).toBe(0.5);
  });

  it('brings a Gloss export back with its highlights, note, tags and id', async () => {
    const source = await open();
    const [outcome] = await source.api.importFiles({ files: [await file('saved-page.txt')] });
    if (outcome?.status !== 'imported') throw new Error('import failed');
    const id = outcome.article.id;
    const article = await source.api.getArticle({ id });
    const at = (quote: string) => article.text.indexOf(quote);
    const start = at('1,400 sailings');
    await source.api.createAnnotation({
      articleId: id,
      start,
      end: start + 14,
      color: 'green',
      note: 'Check *this*.',
      tags: ['ferries'],
    });
    const s2 = at('Mayor Ilse Varga');
    await source.api.createAnnotation({ articleId: id, start: s2, end: s2 + 16, color: 'pink' });
    await source.api.setArticleNote({ id, note: 'Read with the port statistics.' });
    await source.api.updateArticleMeta({ id, patch: { tags: ['baltic'] } });
    const exported = await source.api.exportMarkdown({ articleId: id });

    const target = await open();
    const [back] = await target.api.importFiles({ files: [await file('harbour.md', exported.markdown)] });
    if (back?.status !== 'imported') throw new Error(`re-import failed: ${JSON.stringify(back)}`);
    expect(back.article.id).toBe(id);
    expect(back.article.title).toBe(article.title);
    expect(back.article.tags).toEqual(['baltic']);
    const restored = await target.api.getArticle({ id });
    expect(restored.note).toBe('Read with the port statistics.');
    const annotations = await target.api.listAnnotations({ articleId: id });
    expect(
      annotations.map((a) => [a.target.selector[1].exact, a.body.color, a.body.note, a.body.tags, a.status]),
    ).toEqual([
      ['1,400 sailings', 'green', 'Check *this*.', ['ferries'], 'anchored'],
      ['Mayor Ilse Varga', 'pink', '', [], 'anchored'],
    ]);
  });
});

describe('limits on what the user sends', () => {
  async function oneArticle() {
    const gloss = await open();
    const [outcome] = await gloss.api.importFiles({ files: [await file('note.txt', 'Limits\n\nA short text.')] });
    if (outcome!.status !== 'imported') throw new Error('not imported');
    return { gloss, id: outcome!.article.id };
  }

  it('refuses a huge tag, too many tags, a javascript: source address and an oversized note, saying which', async () => {
    const { gloss, id } = await oneArticle();
    const patch = (p: Record<string, unknown>) => gloss.api.updateArticleMeta({ id, patch: p });
    await expect(patch({ tags: ['x'.repeat(20 * 1024 * 1024)] })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/A tag is at most 100 characters/),
    });
    await expect(patch({ tags: Array.from({ length: 101 }, (_, i) => `t${i}`) })).rejects.toMatchObject({
      message: expect.stringMatching(/at most 100 tags \(101 were given\)/),
    });
    await expect(patch({ sourceUrl: 'javascript:alert(1)' })).rejects.toMatchObject({
      message: 'The source address must be an http:, https: or file: address.',
    });
    await expect(patch({ author: 'a'.repeat(5000) })).rejects.toMatchObject({
      message: expect.stringMatching(/The author is too long \(5,000 characters; at most 2,000\)/),
    });
    await expect(gloss.api.setArticleNote({ id, note: 'n'.repeat(300_000) })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(
      gloss.api.createAnnotation({ articleId: id, start: 0, end: 6, color: 'yellow', tags: ['y'.repeat(500)] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      gloss.api.correctEntity({ correction: { kind: 'add', name: 'N'.repeat(5000), type: 'person' } }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/at most 300 characters/) });
    expect((await patch({ sourceUrl: 'https://example.org/a', tags: ['fine'] })).sourceUrl).toBe(
      'https://example.org/a',
    );
  });

  it('keeps no javascript: address an importer reports as the page’s own', async () => {
    const { importedSummary } = await import('../importing/imported-summary');
    const doc = { title: 'Spoof', author: null, site: null, published: null, format: 'html', wordCount: 3 };
    const at = { id: 'x1', added: '2026-11-27T00:00:00Z', path: '/tmp/spoof.html' };
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>']) {
      const s = importedSummary({ ...doc, sourceUrl: url } as never, at);
      expect(s.sourceUrl, url).toBeNull();
      expect(s.source).toBe('/tmp/spoof.html');
    }
    expect(importedSummary({ ...doc, sourceUrl: 'https://example.org/p' } as never, at).sourceUrl).toBe(
      'https://example.org/p',
    );
  });
});
