// The library's organising operations through the whole API: shelves, favorites,
// "New" until opened, and many articles exported as a vault.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { createGloss, type Gloss } from './composition';
import type { Platform } from '../settings/platform';

const dirs: string[] = [];
const glosses: Gloss[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-shelves-'));
  dirs.push(dir);
  return dir;
}

async function open(platform?: Platform): Promise<Gloss> {
  const gloss = await createGloss({ libraryDir: await tempDir(), ...(platform ? { platform } : {}) });
  glosses.push(gloss);
  return gloss;
}

afterEach(async () => {
  for (const gloss of glosses.splice(0)) await gloss.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function importTexts(gloss: Gloss, titles: string[]): Promise<string[]> {
  const outcomes = await gloss.api.importFiles({
    files: titles.map((title, i) => ({
      name: `article-${i}.txt`,
      dataBase64: Buffer.from(
        `${title}\n\nThe ${title.toLowerCase()} is described here in a full sentence.\n`,
      ).toString('base64'),
    })),
  });
  return outcomes.map((o) => (o.status === 'imported' ? o.article.id : ''));
}

describe('shelves, favorites and opened', () => {
  it('files a new article in the inbox, never opened, and keeps an archive and a favorite across a reopen', async () => {
    const dir = await tempDir();
    let gloss = await createGloss({ libraryDir: dir });
    const [id] = await importTexts(gloss, ['Harbour Dues']);
    expect(await gloss.api.listArticles({})).toMatchObject([{ shelf: 'inbox', favorite: false, opened: null }]);

    await gloss.api.markArticleOpened({ id: id! });
    await gloss.api.updateArticleMeta({ id: id!, patch: { shelf: 'archive', favorite: true } });
    await gloss.close();

    gloss = await createGloss({ libraryDir: dir });
    glosses.push(gloss);
    const [summary] = await gloss.api.listArticles({});
    expect(summary).toMatchObject({ shelf: 'archive', favorite: true });
    expect(summary?.opened).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('refuses a shelf that does not exist', async () => {
    const gloss = await open();
    const [id] = await importTexts(gloss, ['Harbour Dues']);
    await expect(gloss.api.updateArticleMeta({ id: id!, patch: { shelf: 'later' as 'inbox' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('export as vault', () => {
  it('packs the chosen articles as a zip when there is no folder dialog', async () => {
    const gloss = await open();
    const ids = await importTexts(gloss, ['Harbour Dues', 'Canal Tolls', 'River Pilots']);
    const vault = await gloss.api.exportVault({ articleIds: [ids[0]!, ids[2]!] });
    expect(vault.kind).toBe('zip');
    if (vault.kind !== 'zip') return;
    const files = unzipSync(Buffer.from(vault.dataBase64, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['Gloss vault/Harbour Dues.md', 'Gloss vault/River Pilots.md']);
    expect(strFromU8(files['Gloss vault/Harbour Dues.md']!)).toContain('title: "Harbour Dues"');
    expect(vault.message).toMatch(/^Exported 2 articles as a vault \(2 files in Gloss vault \d{4}-\d\d-\d\d\.zip\)\.$/);
    expect(await gloss.api.getVaultExportProgress({})).toBeNull();
  });

  it('writes into the folder the dialog picked, and says cancelled when it was', async () => {
    const target = await tempDir();
    let answer: string | null = target;
    const gloss = await open({ nativeDialogs: true, pickFolder: async () => answer });
    const ids = await importTexts(gloss, ['Harbour Dues', 'Canal Tolls']);
    const vault = await gloss.api.exportVault({ articleIds: ids });
    expect(vault).toMatchObject({ kind: 'folder', articles: 2 });
    expect((await readdir(target)).sort()).toEqual(['Canal Tolls.md', 'Harbour Dues.md']);
    expect(await readFile(join(target, 'Canal Tolls.md'), 'utf8')).toContain('Canal Tolls');

    answer = null;
    await expect(gloss.api.exportVault({ articleIds: ids })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('asks for at least one article, and names one that is not in the library', async () => {
    const gloss = await open();
    await expect(gloss.api.exportVault({ articleIds: [] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(gloss.api.exportVault({ articleIds: ['nope'] })).rejects.toMatchObject({ code: 'not_found' });
  });
});
