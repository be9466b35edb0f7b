import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createGloss } from '../app/composition';

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

const TEXT =
  'Tide Tables\n\nThe harbour master kept the tide tables in a drawer by the door.\n\n' +
  'Every ferry captain read them twice before leaving the quay at dawn.\n';

async function libraryWithHighlight() {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-rebuild-'));
  dirs.push(dir);
  const gloss = await createGloss({ libraryDir: dir });
  const [outcome] = await gloss.api.importFiles({
    files: [{ name: 'tide-tables.txt', dataBase64: Buffer.from(TEXT).toString('base64') }],
  });
  if (outcome?.status !== 'imported') throw new Error('setup import failed');
  const id = outcome.article.id;
  const { text } = await gloss.api.getArticle({ id });
  const start = text.indexOf('ferry captain');
  await gloss.api.createAnnotation({
    articleId: id,
    start,
    end: start + 'ferry captain'.length,
    color: 'yellow',
    note: 'who?',
  });
  await gloss.close();
  return { dir, id, text };
}

it.each([
  ['cut in half', (json: string) => json.slice(0, Math.floor(json.length / 2))],
  ['deleted', null],
] as const)(
  'a content.json %s is rebuilt from the kept source, the highlight re-anchored, and the user told',
  async (_, damage) => {
    const { dir, id, text } = await libraryWithHighlight();
    const file = join(dir, 'articles', id, 'content.json');
    if (damage) await writeFile(file, damage(await readFile(file, 'utf8')));
    else await rm(file);

    const gloss = await createGloss({ libraryDir: dir });
    try {
      const article = await gloss.api.getArticle({ id });
      expect(article.text).toBe(text);
      const [annotation] = await gloss.api.listAnnotations({ articleId: id });
      expect(annotation?.status).toBe('anchored');
      expect(text.slice(annotation!.target.selector[0].start, annotation!.target.selector[0].end)).toBe(
        'ferry captain',
      );
      const notices = await gloss.api.takeNotices({});
      expect(notices.map((n) => n.message).join(' ')).toMatch(/“Tide Tables” was damaged; Gloss rebuilt it/);
      // The rebuilt text is on disk: the next opening reads it without a rebuild.
      expect(JSON.parse(await readFile(file, 'utf8')).text).toBe(text);
    } finally {
      await gloss.close();
    }
    if (damage)
      expect((await readdir(join(dir, 'articles', id))).some((n) => n.startsWith('content.json.'))).toBe(true);
  },
);

it('without its source the damaged text still gets the clear error it had', async () => {
  const { dir, id } = await libraryWithHighlight();
  const folder = join(dir, 'articles', id);
  await writeFile(join(folder, 'content.json'), '{"html": "<p>cut off');
  for (const name of await readdir(folder)) if (name.startsWith('source.')) await rm(join(folder, name));
  const gloss = await createGloss({ libraryDir: dir });
  try {
    await expect(gloss.api.getArticle({ id })).rejects.toThrow(/damaged .* no backup exists/);
  } finally {
    await gloss.close();
  }
});
