import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryStore, summaryFor } from '../../tests/support/memory-store';
import { AppError } from '../model/errors';
import { loadFixture } from '../../tests/support/export-fixtures';
import { createExportService } from './export-service';
import { readExportedMarkdown } from './read-exported-markdown';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function setup(saveDialog?: (name: string) => Promise<string | null>) {
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
    now: () => new Date('2026-11-27T12:00:00.000Z'),
    newId: () => `imported-${++n}`,
    ...(saveDialog ? { saveDialog } : {}),
  });
  return { f, store, service };
}

describe('createExportService', () => {
  it('exportMarkdown reads the article, annotations, note and entities from the store', async () => {
    const { f, service } = await setup();
    const file = await service.exportMarkdown({ articleId: f.article.id, options: { mode: 'highlights' } });
    expect(file.fileName).toBe('The Harbour Ledger.md');
    expect(file.markdown).toContain('exported: 2026-11-27T12:00:00');
    expect(file.markdown).toContain('## Entities');
    const back = readExportedMarkdown(file.markdown)!;
    expect(back.annotations).toHaveLength(f.annotations.length);
    expect(back.note).toBe(f.article.note);
  });

  it('names the missing article in a not_found error', async () => {
    const { service } = await setup();
    await expect(service.exportMarkdown({ articleId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('saveExportWithDialog: not_supported without a dialog, cancelled when the user cancels', async () => {
    const { f, service } = await setup();
    await expect(service.saveExportWithDialog({ articleId: f.article.id })).rejects.toBeInstanceOf(AppError);
    await expect(service.saveExportWithDialog({ articleId: f.article.id })).rejects.toMatchObject({
      code: 'not_supported',
    });
    const cancelled = await setup(async () => null);
    await expect(cancelled.service.saveExportWithDialog({ articleId: f.article.id })).rejects.toMatchObject({
      code: 'cancelled',
    });
  });

  it('saveExportWithDialog writes the chosen file and keeps its user sections on re-export', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-export-'));
    dirs.push(dir);
    const target = join(dir, 'chosen.md');
    let suggested = '';
    const { f, service } = await setup(async (name) => {
      suggested = name;
      return target;
    });
    expect(await service.saveExportWithDialog({ articleId: f.article.id })).toEqual({
      path: target,
      message: `Exported “The Harbour Ledger” to ${target}.`,
    });
    expect(suggested).toBe('The Harbour Ledger.md');
    const first = await readFile(target, 'utf8');
    await writeFile(target, first.replace('%% gloss:user-start %%\n', '%% gloss:user-start %%\nKeep me.\n'));
    await service.saveExportWithDialog({ articleId: f.article.id });
    expect(await readFile(target, 'utf8')).toContain('%% gloss:user-start %%\nKeep me.\n');
  });

  it('exports JSON-LD and imports it into another article without duplicates', async () => {
    const { f, store, service } = await setup();
    const file = await service.exportAnnotationsJsonLd({ articleId: f.article.id });
    expect(file.fileName).toBe('The Harbour Ledger.annotations.jsonld');
    // Importing into the same article adds nothing: every annotation is already there.
    expect(await service.importAnnotationsJsonLd({ articleId: f.article.id, json: file.markdown })).toEqual({
      added: [],
      message: `Imported 0 annotations; skipped ${f.annotations.length}: ${f.annotations.length} already in Gloss.`,
    });
    await store.updateState(f.article.id, (s) => ({ ...s, annotations: [] }));
    const { added, message } = await service.importAnnotationsJsonLd({ articleId: f.article.id, json: file.markdown });
    expect(added).toHaveLength(f.annotations.length);
    expect(message).toBe(`Imported ${f.annotations.length} annotations.`);
    expect((await store.getState(f.article.id)).annotations).toHaveLength(f.annotations.length);
    expect(store.getSummary(f.article.id)!.highlightCount).toBe(f.annotations.length);
    await expect(service.importAnnotationsJsonLd({ articleId: f.article.id, json: 'nope' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
