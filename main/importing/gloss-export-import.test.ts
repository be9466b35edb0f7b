// Importing an export the user edited in Obsidian honours what they did.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGloss, type Gloss } from '../app/composition';

const opened: Array<{ gloss: Gloss; dir: string }> = [];
async function open(): Promise<Gloss> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-lib-'));
  const gloss = await createGloss({ libraryDir: dir });
  opened.push({ gloss, dir });
  return gloss;
}
afterEach(async () => {
  for (const { gloss, dir } of opened.splice(0)) {
    await gloss.close();
    await rm(dir, { recursive: true, force: true });
  }
});

const TEXT = [
  'The Ferry Timetable',
  '',
  'The harbour ran 1,400 sailings last year, and the council wants more.',
  '',
  'Mayor Ilse Varga said the new pier opens in spring. Critics call it <costly> & late.',
  '',
].join('\n');

describe('importing an edited Gloss export', () => {
  it('takes new marks in, leaves deleted ones out, and reads edited notes without Gloss’s escapes', async () => {
    const source = await open();
    const [outcome] = await source.api.importFiles({
      files: [{ name: 'ferry.txt', dataBase64: Buffer.from(TEXT).toString('base64') }],
    });
    if (outcome?.status !== 'imported') throw new Error('import failed');
    const id = outcome.article.id;
    const article = await source.api.getArticle({ id });
    const at = (quote: string) => article.text.indexOf(quote);
    await source.api.createAnnotation({ articleId: id, start: at('1,400'), end: at('1,400') + 14, color: 'green' });
    const s2 = at('Mayor Ilse Varga');
    await source.api.createAnnotation({ articleId: id, start: s2, end: s2 + 16, color: 'pink', note: 'Who <is> she?' });
    const exported = (await source.api.exportMarkdown({ articleId: id })).markdown;
    expect(exported).toContain('Who &lt;is> she?');

    const edited = exported
      .replace('==1,400 sailings==[^1]', '1,400 sailings') // marks deleted
      .replace('the new pier opens', '==the new pier opens==') // a mark added
      .replace('Who &lt;is> she?', 'She is the mayor &lt;since 2019>.'); // a note edited where Gloss had escaped it
    const target = await open();
    const [back] = await target.api.importFiles({
      files: [{ name: 'ferry.md', dataBase64: Buffer.from(edited).toString('base64') }],
    });
    if (back?.status !== 'imported') throw new Error(`re-import failed: ${JSON.stringify(back)}`);
    const annotations = await target.api.listAnnotations({ articleId: back.article.id });
    expect(annotations.map((a) => [a.target.selector[1].exact, a.body.color, a.body.note]).sort()).toEqual([
      ['Mayor Ilse Varga', 'pink', 'She is the mayor <since 2019>.'],
      ['the new pier opens', 'yellow', ''],
    ]);
    expect(back.article.highlightCount).toBe(2);
  });
});
