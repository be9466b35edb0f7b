// The Obsidian-edit round trip: export, edit the file as a user does, export
// again over it, import the result. Every edit must survive somewhere: in the
// library, in the new file, or in the copy of the previous file kept beside it.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, summaryFor } from '../../tests/support/memory-store';
import { loadFixture } from '../../tests/support/export-fixtures';
import { createExportService } from './export-service';
import { readExportedMarkdown } from './read-exported-markdown';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function setup() {
  const f = loadFixture('article');
  const store = createMemoryStore();
  const { html, text, textSha256, position, note, ...summary } = f.article;
  await store.addArticle({
    summary: { ...summaryFor(summary.id, summary.title), ...summary },
    content: { html, text, textSha256 },
    source: { bytes: new TextEncoder().encode(html), ext: 'html' },
    state: { annotations: f.annotations, note, position },
  });
  let n = 0;
  const service = createExportService({
    store,
    getEntities: async () => f.entities,
    now: () => new Date('2026-11-28T09:30:00.000Z'),
    newId: () => `new-${++n}`,
  });
  const dir = await mkdtemp(join(tmpdir(), 'gloss-obsidian-'));
  dirs.push(dir);
  return { f, store, service, dir };
}

function edit(md: string, from: string, to: string): string {
  if (!md.includes(from)) throw new Error(`the export no longer contains: ${from}`);
  return md.replace(from, to);
}

describe('an export edited in Obsidian, exported again and imported', () => {
  it('loses none of the edits a user makes (full mode)', async () => {
    const { f, store, service, dir } = await setup();
    const path = join(dir, 'ledger.md');
    await service.exportMarkdownToFile({ articleId: f.article.id, path });
    let md = await readFile(path, 'utf8');
    md = edit(md, '    Who made the *copies*, and when?', '    Rewritten in Obsidian.'); // a footnote's note
    md = edit(md, '[^4]: (purple)', '[^4]: (blue)'); // a color
    md = edit(md, '[^3]: (pink) #open_question #quotes', '[^3]: (pink) #open_question #checked'); // tags
    md = edit(md, '> Follow up with the archive in Santiago.', '> Follow up by email instead.'); // the article note
    md = edit(md, 'tags:\n  - "ports"\n  - "audit_trail"', 'tags:\n  - ports\n  - shipping'); // properties
    md = edit(md, 'A second, unofficial column', 'A second, ==unofficial column=='); // a new mark
    md = edit(md, '==a hull number==', 'a hull number'); // marks removed
    md = edit(md, '## What the clerks wrote\n', '## What the clerks wrote\n\nMy own paragraph in the body.\n'); // free text
    md = edit(md, '%% gloss:user-start %%\n\n%% gloss:user-end %%', '%% gloss:user-start %%\nMy summary.'); // end marker deleted
    await writeFile(path, md);

    const result = await service.exportMarkdownToFile({ articleId: f.article.id, path });
    const again = await readFile(path, 'utf8');
    const copies = (await readdir(dir)).filter((n) => n.startsWith('ledger.md.bak-'));
    const copy = copies.length === 1 ? await readFile(join(dir, copies[0]!), 'utf8') : '';
    const state = await store.getState(f.article.id);
    const byId = new Map(state.annotations.map((a) => [a.id, a]));
    const back = readExportedMarkdown(again)!;
    const backById = new Map(back.annotations.map((a) => [a.id, a]));

    const lost: string[] = [];
    const check = (name: string, ok: boolean): void => void (ok || lost.push(name));
    check('edited note', byId.get('ann-02')?.body.note === 'Rewritten in Obsidian.');
    check('edited note re-imported', backById.get('ann-02')?.body.note === 'Rewritten in Obsidian.');
    check('edited color', byId.get('ann-05')?.body.color === 'blue' && backById.get('ann-05')?.body.color === 'blue');
    check('edited tags', JSON.stringify(byId.get('ann-04')?.body.tags) === '["open question","checked"]');
    check('article note', (await store.getState(f.article.id)).note.endsWith('Follow up by email instead.'));
    check('article note re-imported', back.note.endsWith('Follow up by email instead.'));
    check('front matter tags', JSON.stringify(store.getSummary(f.article.id)!.tags) === '["ports","shipping"]');
    const added = state.annotations.filter((a) => a.id.startsWith('new-'));
    check('new mark', added.length === 1 && added[0]!.target.selector[1].exact === 'unofficial column');
    check(
      'new mark re-imported',
      back.annotations.some((a) => a.exact === 'unofficial column'),
    );
    check('removed marks reported', /1 highlight whose marks you removed is still in Gloss/.test(result.message));
    check(
      'free text kept',
      copy.includes('My own paragraph in the body.') && result.message.includes(copies[0] ?? '?'),
    );
    check('user section without its end', again.split('My summary.').length === 2);
    check('file not doubled', again.split('%% gloss:body-start %%').length === 2);
    expect(lost).toEqual([]);
    expect(result.message).toBe(
      `Exported “The Harbour Ledger” to ${path}, taking in your edits: 3 edited highlights, 1 new highlight, ` +
        'the article note, the tags; 1 highlight whose marks you removed is still in Gloss (delete it there if you ' +
        `meant to); text Gloss could not take in is kept in the previous file, saved as ${join(dir, copies[0]!)}.`,
    );
  });

  it('loses none of the edits a user makes (highlights mode)', async () => {
    const { f, store, service, dir } = await setup();
    const path = join(dir, 'digest.md');
    const options = { mode: 'highlights' as const };
    await service.exportMarkdownToFile({ articleId: f.article.id, options, path });
    const md = edit(
      await readFile(path, 'utf8'),
      '(purple)\n\nAuditor; find her report.',
      '(pink) #people\n\nAuditor; report found.',
    );
    await writeFile(path, md);
    const result = await service.exportMarkdownToFile({ articleId: f.article.id, options, path });
    const ann = (await store.getState(f.article.id)).annotations.find((a) => a.id === 'ann-05')!;
    expect(ann.body).toEqual({ color: 'pink', tags: ['people'], note: 'Auditor; report found.' });
    expect(await readFile(path, 'utf8')).toContain('(pink) #people\n\nAuditor; report found.');
    expect(result.message).toBe(`Exported “The Harbour Ledger” to ${path}, taking in your edits: 1 edited highlight.`);
    expect((await readdir(dir)).filter((n) => n.includes('.bak-'))).toEqual([]);
  });

  it('never overwrites a file that is not an earlier export of this article', async () => {
    const { f, service, dir } = await setup();
    const mine = join(dir, 'The Harbour Ledger.md');
    const note = '---\ntitle: my own note\n---\n\nMy own note, byte for byte.\n';
    await writeFile(mine, note);
    const result = await service.exportMarkdownToFile({ articleId: f.article.id, path: mine });
    expect(await readFile(mine, 'utf8')).toBe(note);
    expect(result.path).toBe(join(dir, 'The Harbour Ledger (2).md'));
    expect(result.message).toContain(
      '(The Harbour Ledger.md is not an earlier export of it, so it was left as it was)',
    );
    expect(readExportedMarkdown(await readFile(result.path, 'utf8'))!.meta.id).toBe(f.article.id);
  });
});
