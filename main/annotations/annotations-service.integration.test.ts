// The service over the real file store and importer: changes survive a reopen,
// and "Update from file…" re-anchors through a real re-import.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../model/contract';
import { importDocument } from '../import/import-document';
import { importedSummary } from '../importing/imported-summary';
import { openLibraryStore } from '../storage/library-store';
import { createAnnotationsService } from './annotations-service';
import { createUpdateFromFile } from '../importing/update-from-file';
import type { LibraryStore } from '../storage/store-types';

/** The annotation operations with "Update from file" (main/importing/), which re-anchors them. */
const serviceOver = (store: LibraryStore) => ({
  ...createAnnotationsService({ store }),
  ...createUpdateFromFile(store, importDocument),
});

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/anchoring/${name}`, import.meta.url));

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

async function libraryWithHarbour() {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-annotations-'));
  dirs.push(dir);
  const store = await openLibraryStore(dir);
  const doc = importDocument({ name: 'harbour.txt', bytes: new Uint8Array(fixture('harbour-v1.txt')) });
  await store.addArticle({
    summary: importedSummary(doc, { id: 'harbour', added: '2026-11-27T00:00:00.000Z', path: null }),
    content: { html: doc.html, text: doc.text, textSha256: doc.textSha256 },
    source: { bytes: doc.sourceBytes, ext: doc.sourceExt },
  });
  return { dir, store, text: doc.text };
}

const at = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
const quoteOf = (text: string, a: Annotation) => text.slice(a.target.selector[0].start, a.target.selector[0].end);

describe('annotations service over the file store', () => {
  it('leaves a trashed article out of the highlights search, and brings it back when restored', async () => {
    const { store, text } = await libraryWithHarbour();
    const service = serviceOver(store);
    await service.createAnnotation({ articleId: 'harbour', ...at(text, 'Ruth Abernathy'), color: 'green' });
    const ids = async () => (await service.searchAnnotations({ query: 'ruth' })).hits.map((h) => h.article.id);
    expect(await ids()).toEqual(['harbour']);
    await store.trashArticle('harbour');
    expect(await ids()).toEqual([]);
    await store.restoreArticle('harbour');
    expect(await ids()).toEqual(['harbour']);
    await store.close();
  });

  it('keeps highlights, notes, tags and highlightCount after the library is reopened', async () => {
    const { dir, store, text } = await libraryWithHarbour();
    const service = serviceOver(store);
    const a = await service.createAnnotation({ articleId: 'harbour', ...at(text, 'Ruth Abernathy'), color: 'green' });
    await service.updateAnnotation({ articleId: 'harbour', id: a.id, patch: { note: 'chair', tags: ['people'] } });
    const b = await service.createAnnotation({ articleId: 'harbour', ...at(text, 'tide table'), color: 'yellow' });
    await service.deleteAnnotation({ articleId: 'harbour', id: b.id });
    await store.close();

    const again = await openLibraryStore(dir);
    const reopened = serviceOver(again);
    const list = await reopened.listAnnotations({ articleId: 'harbour' });
    expect(list).toHaveLength(1);
    expect(list[0]!.body).toEqual({ color: 'green', note: 'chair', tags: ['people'] });
    expect(again.getSummary('harbour')!.highlightCount).toBe(1);
    expect(await reopened.listTags({})).toEqual(['people']);
    await again.close();
  });

  it('updates from an edited file: highlights follow their text and the removed passage becomes an orphan', async () => {
    const { store, text } = await libraryWithHarbour();
    const service = serviceOver(store);
    const kept = await service.createAnnotation({
      articleId: 'harbour',
      ...at(text, 'managed retreat of the eastern quay'),
      color: 'blue',
    });
    const gone = await service.createAnnotation({
      articleId: 'harbour',
      ...at(text, 'wading birds in numbers not seen since the nineteen-fifties'),
      color: 'pink',
      note: 'check',
    });
    const v2 = fixture('harbour-v2.txt');
    const { article, annotations } = await service.updateFromFile({
      id: 'harbour',
      file: { name: 'harbour.txt', dataBase64: v2.toString('base64') },
    });
    const byId = new Map(annotations.map((a) => [a.id, a]));
    expect(byId.get(kept.id)!.status).toBe('anchored');
    expect(quoteOf(article.text, byId.get(kept.id)!)).toBe('managed retreat of the eastern quay');
    expect(byId.get(gone.id)!.status).toBe('orphan');
    expect(article.text).toContain('Updated on Wednesday');
    expect((await store.getContent('harbour')).text).toBe(article.text);
    expect(new TextDecoder().decode((await store.readSource('harbour')).bytes)).toContain('Updated on Wednesday');
    expect(store.getSummary('harbour')!.highlightCount).toBe(2);
    await store.close();
  });
});

describe('update from file, with reader mode', () => {
  it('brings back a removed passage that holds a highlight, instead of orphaning it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-annotations-'));
    dirs.push(dir);
    const store = await openLibraryStore(dir);
    const bytes = new Uint8Array(
      readFileSync(new URL('../../tests/fixtures/import/reader-mode/tram-line-saved-as-text.txt', import.meta.url)),
    );
    // The article as an older Gloss stored it: the whole file, ad and all.
    const old = importDocument({ name: 'tram.txt', bytes, readerMode: false });
    await store.addArticle({
      summary: importedSummary(old, { id: 'tram', added: '2026-11-27T00:00:00.000Z', path: null }),
      content: { html: old.html, text: old.text, textSha256: old.textSha256 },
      source: { bytes, ext: 'txt' },
    });
    const service = serviceOver(store);
    const ad = 'Browse the Dispatches jobs board.';
    const kept = await service.createAnnotation({ articleId: 'tram', ...at(old.text, ad), color: 'pink' });
    const body = await service.createAnnotation({ articleId: 'tram', ...at(old.text, 'Henrik Sand'), color: 'blue' });

    const { article, annotations } = await service.updateFromFile({
      id: 'tram',
      file: { name: 'tram.txt', dataBase64: Buffer.from(bytes).toString('base64') },
    });
    expect(article.text).not.toContain('Skip to main content');
    expect(article.text).toContain(ad);
    expect(article.removed?.some((r) => r.text.includes(ad))).toBe(false);
    for (const id of [kept.id, body.id]) {
      const a = annotations.find((x) => x.id === id)!;
      expect(a.status).not.toBe('orphan');
      expect(quoteOf(article.text, a)).toBe(id === kept.id ? ad : 'Henrik Sand');
    }
    await store.close();
  });
});
