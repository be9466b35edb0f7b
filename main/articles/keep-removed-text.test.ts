import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGloss, type Gloss } from '../app/composition';
import { readSourceOf } from '../../tests/support/read-source';

const fixtures = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'import', 'reader-mode');
const opened: Array<{ gloss: Gloss; dir: string }> = [];

async function open(dir?: string): Promise<{ gloss: Gloss; dir: string }> {
  const libraryDir = dir ?? (await mkdtemp(join(tmpdir(), 'gloss-keep-')));
  const gloss = await createGloss({ libraryDir, welcome: false });
  opened.push({ gloss, dir: libraryDir });
  return { gloss, dir: libraryDir };
}

afterEach(async () => {
  for (const { gloss, dir } of opened.splice(0).reverse()) {
    await gloss.close();
    await rm(dir, { recursive: true, force: true });
  }
});

async function importTram(gloss: Gloss) {
  const data = await readFile(join(fixtures, 'tram-line-saved-as-text.txt'));
  const [outcome] = await gloss.api.importFiles({
    files: [{ name: 'tram-line.txt', dataBase64: data.toString('base64') }],
  });
  if (outcome?.status !== 'imported') throw new Error('not imported');
  return gloss.api.getArticle({ id: outcome.article.id });
}

describe('what reader mode removed', () => {
  it('is stored with the article, and the original file is kept byte for byte', async () => {
    const { gloss, dir } = await open();
    const article = await importTram(gloss);
    expect(article.removed?.map((r) => r.reason)).toContain('ad');
    expect(article.text).not.toContain('Advertisement');
    const source = await readSourceOf(dir, article.id);
    expect(Buffer.from(source.bytes).equals(await readFile(join(fixtures, 'tram-line-saved-as-text.txt')))).toBe(true);
  });

  it('comes back with "Keep this paragraph": in its place, with highlights after it moved along', async () => {
    const { gloss, dir } = await open();
    const article = await importTram(gloss);
    const quote = 'Nobody here is against the tram';
    const start = article.text.indexOf(quote);
    const highlight = await gloss.api.createAnnotation({
      articleId: article.id,
      start,
      end: start + quote.length,
      color: 'green',
    });
    const index = article.removed!.findIndex((r) => r.text === 'Advertisement');

    const { article: kept, annotations } = await gloss.api.keepRemovedText({ id: article.id, index });
    expect(kept.text).toContain('narrow pavement. Laying rails');
    expect(kept.text).toContain('on the way through.\n\nAdvertisement\n\n"Nobody here');
    expect(kept.removed?.some((r) => r.text === 'Advertisement')).toBe(false);
    expect(kept.removed).toHaveLength(article.removed!.length - 1);
    const moved = annotations.find((a) => a.id === highlight.id)!;
    expect(kept.text.slice(moved.target.selector[0].start, moved.target.selector[0].end)).toBe(quote);
    expect(kept.wordCount).toBe(article.wordCount + 1);
    // Every passage still removed points at the start of a block of the new text.
    for (const passage of kept.removed!) {
      expect(
        passage.at === kept.text.length || passage.at === 0 || kept.text.slice(passage.at - 2, passage.at) === '\n\n',
      ).toBe(true);
    }
    // And it lasts: the library read again has the kept paragraph.
    await opened.pop()!.gloss.close();
    const { gloss: again } = await open(dir);
    expect((await again.api.getArticle({ id: article.id })).text).toContain('\n\nAdvertisement\n\n');
  });

  it('refuses an index that is not among the removed passages', async () => {
    const { gloss } = await open();
    const article = await importTram(gloss);
    await expect(gloss.api.keepRemovedText({ id: article.id, index: 999 })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });

  it('says so when a page is imported with almost no readable text', async () => {
    const { gloss } = await open();
    const [outcome] = await gloss.api.importFiles({
      files: [
        {
          name: 'stub.html',
          dataBase64: Buffer.from('<html><body><p>Page moved.</p></body></html>').toString('base64'),
        },
      ],
    });
    expect(outcome).toMatchObject({ status: 'imported', warning: expect.stringContaining('almost no readable text') });
  });
});
