import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFixture } from '../../tests/support/export-fixtures';
import { exportLibrary, type LibraryExportItem } from './library-export';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

function library(): LibraryExportItem[] {
  const a = loadFixture('article');
  const b = loadFixture('escaping');
  const twin = loadFixture('article');
  twin.article = { ...twin.article, id: 'art-twin' };
  const hostile = loadFixture('article');
  hostile.article = { ...hostile.article, id: 'art-hostile', title: '../../CON' };
  return [a, b, twin, hostile];
}

describe('exportLibrary', () => {
  it('writes one safe, unique file per article and an entity note per linked entity', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-vault-'));
    dirs.push(dir);
    const progress: number[] = [];
    const { written } = await exportLibrary({
      articles: library(),
      dir,
      options: { wikilinks: true },
      exported: '2026-11-27T12:00:00.000Z',
      onProgress: (done, total) => progress.push(done / total),
    });
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(
      [
        '_CON.md',
        'Entities',
        'Escaping tags, links , ==marks== & tags.md',
        'The Harbour Ledger (2).md',
        'The Harbour Ledger.md',
      ].sort(),
    );
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
    for (const p of written) expect(p.startsWith(dir)).toBe(true);
    const soto = await readFile(join(dir, 'Entities', 'María Soto.md'), 'utf8');
    expect(soto).toContain('- [[The Harbour Ledger]] (2 mentions)');
    expect(soto).toContain('- [[The Harbour Ledger (2)]] (2 mentions)');
    expect(await readFile(join(dir, 'The Harbour Ledger.md'), 'utf8')).toContain('[[Entities/María Soto|María Soto]]');
  });

  it('re-running keeps file names and user sections, in articles and entity notes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-vault-'));
    dirs.push(dir);
    const run = () =>
      exportLibrary({ articles: library(), dir, options: { wikilinks: true }, exported: '2026-11-27T12:00:00.000Z' });
    await run();
    const art = join(dir, 'The Harbour Ledger (2).md');
    const ent = join(dir, 'Entities', 'Santiago.md');
    await writeFile(
      art,
      (await readFile(art, 'utf8')).replace('%% gloss:user-start %%\n', '%% gloss:user-start %%\nMine.\n'),
    );
    await writeFile(
      ent,
      (await readFile(ent, 'utf8')).replace('%% gloss:user-start %%\n', '%% gloss:user-start %%\nAlso mine.\n'),
    );
    const before = (await readdir(dir)).sort();
    await run();
    expect((await readdir(dir)).sort()).toEqual(before);
    expect(await readFile(art, 'utf8')).toContain('Mine.');
    expect(await readFile(art, 'utf8')).toContain('id: "art-twin"');
    expect(await readFile(ent, 'utf8')).toContain('Also mine.');
  });

  it('leaves notes Gloss did not write byte for byte, and names entity notes apart from articles', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-vault-'));
    dirs.push(dir);
    const items = library();
    // An article titled like a place it mentions.
    items[1]!.article = { ...items[1]!.article, title: 'Santiago' };
    await mkdir(join(dir, 'Entities'));
    const mine = '# María Soto\n\nMy own note about her.\n';
    await writeFile(join(dir, 'Entities', 'María Soto.md'), mine);
    const ownNote = '# The Harbour Ledger\n\nA note of mine with the same name.\n';
    await writeFile(join(dir, 'The Harbour Ledger.md'), ownNote);
    for (let run = 0; run < 2; run++) {
      await exportLibrary({ articles: items, dir, options: { wikilinks: true }, exported: '2026-11-27T12:00:00.000Z' });
    }
    expect(await readFile(join(dir, 'Entities', 'María Soto.md'), 'utf8')).toBe(mine);
    expect(await readFile(join(dir, 'The Harbour Ledger.md'), 'utf8')).toBe(ownNote);
    const entities = (await readdir(join(dir, 'Entities'))).sort();
    expect(entities).toContain('María Soto (person).md');
    expect(entities).toContain('Santiago (place).md');
    expect(entities).not.toContain('Santiago.md');
    const ledger = await readFile(join(dir, 'The Harbour Ledger (2).md'), 'utf8');
    expect(ledger).toContain('[[Entities/María Soto (person)|María Soto]]');
    expect(ledger).toContain('[[Entities/Santiago (place)|Santiago]]');
    expect(await readFile(join(dir, 'Entities', 'Santiago (place).md'), 'utf8')).toContain('gloss_entity: 1');
  });
});
