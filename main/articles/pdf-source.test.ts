import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGloss, type Gloss } from '../app/composition';
import { makePdf } from '../../tests/support/make-pdf';

const opened: Array<{ gloss: Gloss; dir: string }> = [];

async function open(at?: string): Promise<{ gloss: Gloss; dir: string }> {
  const dir = at ?? (await mkdtemp(join(tmpdir(), 'gloss-pdf-source-')));
  const gloss = await createGloss({ libraryDir: dir, welcome: false });
  opened.push({ gloss, dir });
  return { gloss, dir };
}

async function importOne(gloss: Gloss, name: string, bytes: Uint8Array): Promise<string> {
  const [outcome] = await gloss.api.importFiles({
    files: [{ name, dataBase64: Buffer.from(bytes).toString('base64') }],
  });
  if (outcome?.status !== 'imported') throw new Error(`import of ${name} failed`);
  return outcome.article.id;
}

afterEach(async () => {
  for (const { gloss, dir } of opened.splice(0)) {
    await gloss.close();
    await rm(dir, { recursive: true, force: true });
  }
});

describe('the source PDF of an article', () => {
  it('is the imported file byte for byte', async () => {
    const { gloss } = await open();
    const bytes = await makePdf({ pages: [[['A page of the harbour report.']], [['And a second one.']]] });
    const id = await importOne(gloss, 'harbour.pdf', bytes);
    const source = await gloss.api.getPdfSource({ id });
    expect(source.byteLength).toBe(bytes.length);
    expect(new Uint8Array(Buffer.from(source.dataBase64, 'base64'))).toEqual(bytes);
  });

  it('is refused for an article that is not a PDF, and for a source that is no longer one', async () => {
    const { gloss, dir } = await open();
    const text = await importOne(gloss, 'notes.txt', new TextEncoder().encode('Plain notes on the harbour.'));
    await expect(gloss.api.getPdfSource({ id: text })).rejects.toMatchObject({ code: 'unsupported_file' });
    await expect(gloss.api.getPdfSource({ id: 'no-such-article' })).rejects.toMatchObject({ code: 'not_found' });

    const id = await importOne(gloss, 'report.pdf', await makePdf({ pages: [[['Soon replaced.']]] }));
    // Changed by another program while Gloss was closed.
    await gloss.close();
    opened.splice(0);
    await writeFile(join(dir, 'articles', id, 'source.pdf'), 'not a pdf at all');
    const reopened = (await open(dir)).gloss;
    await expect(reopened.api.getPdfSource({ id })).rejects.toMatchObject({
      code: 'unsupported_file',
      message: expect.stringMatching(/not a PDF any more/),
    });
  });
});
