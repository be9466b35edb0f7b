import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/contract';
import { AppError } from '../model/errors';
import { createAnnotationsService } from './annotations-service';
import { createUpdateFromFile, type ReimportDocumentFn } from '../importing/update-from-file';
import { createMemoryStore, summaryFor } from '../../tests/support/memory-store';

const fixture = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/anchoring/${name}`, import.meta.url), 'utf8');
const v1 = fixture('harbour-v1.txt');
const v2 = fixture('harbour-v2.txt');
const otherText =
  'A second article about orchards. The apple harvest came early this year, and the cider press ran all night.';

function noImport(): never {
  throw new Error('this test imports nothing');
}

async function setup(importDocument: ReimportDocumentFn = noImport) {
  const store = createMemoryStore();
  await store.addArticle({
    summary: summaryFor('harbour', 'Harbour Board vote'),
    content: { html: `<p>${v1}</p>`, text: v1, textSha256: 'h1' },
    source: { bytes: new TextEncoder().encode(v1), ext: 'txt' },
  });
  await store.addArticle({
    summary: summaryFor('orchard', 'Orchard news'),
    content: { html: `<p>${otherText}</p>`, text: otherText, textSha256: 'o1' },
    source: { bytes: new TextEncoder().encode(otherText), ext: 'txt' },
  });
  let n = 0;
  let t = Date.parse('2026-11-27T01:00:00Z');
  const annotations = createAnnotationsService({
    store,
    clock: () => new Date((t += 1000)),
    newId: () => `id-${++n}`,
  });
  // "Update from file" lives in main/importing/; here it is tested over the annotations it re-anchors.
  const service = { ...annotations, ...createUpdateFromFile(store, importDocument) };
  return { store, service };
}

const range = (text: string, quote: string) => ({
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
});

async function rejects(p: Promise<unknown>, code: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

describe('annotations service', () => {
  it('creates an annotation with W3C selectors and keeps highlightCount in sync', async () => {
    const { store, service } = await setup();
    const a = await service.createAnnotation({
      articleId: 'harbour',
      ...range(v1, 'Ruth Abernathy'),
      color: 'green',
      note: 'the chair',
      tags: ['#people', 'people', ' board members '],
    });
    expect(a.id).toBe('id-1');
    expect(a.target.source).toBe('harbour');
    expect(a.target.selector[1].exact).toBe('Ruth Abernathy');
    expect(a.body).toEqual({ color: 'green', note: 'the chair', tags: ['people', 'board-members'] });
    expect(a.status).toBe('anchored');
    expect(store.getSummary('harbour')!.highlightCount).toBe(1);
    expect(await service.listAnnotations({ articleId: 'harbour' })).toEqual([a]);
  });

  it('uses random UUIDs by default', async () => {
    const store = createMemoryStore();
    await store.addArticle({
      summary: summaryFor('x', 'X'),
      content: { html: '', text: 'Some words here.', textSha256: 'x' },
      source: { bytes: new Uint8Array([1]), ext: 'txt' },
    });
    const a = await createAnnotationsService({ store }).createAnnotation({
      articleId: 'x',
      start: 0,
      end: 4,
      color: 'yellow',
    });
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('trims whitespace around the selection and validates offsets, color and article', async () => {
    const { service } = await setup();
    const r = range(v1, 'Ruth Abernathy');
    const a = await service.createAnnotation({ articleId: 'harbour', start: r.start - 1, end: r.end, color: 'yellow' });
    expect(a.target.selector[1].exact).toBe(' Ruth Abernathy'.trim());
    await rejects(
      service.createAnnotation({ articleId: 'harbour', start: 5, end: 5, color: 'yellow' }),
      'invalid_input',
    );
    await rejects(
      service.createAnnotation({ articleId: 'harbour', start: -1, end: 5, color: 'yellow' }),
      'invalid_input',
    );
    await rejects(
      service.createAnnotation({ articleId: 'harbour', start: 0, end: v1.length + 1, color: 'yellow' }),
      'invalid_input',
    );
    await rejects(
      service.createAnnotation({ articleId: 'harbour', start: 0.5, end: 3, color: 'yellow' }),
      'invalid_input',
    );
    await rejects(
      service.createAnnotation({ articleId: 'harbour', start: 0, end: 3, color: 'red' as 'yellow' }),
      'invalid_input',
    );
    await rejects(service.createAnnotation({ articleId: 'nope', start: 0, end: 3, color: 'yellow' }), 'not_found');
    const nl = v1.indexOf('\n');
    await rejects(
      service.createAnnotation({ articleId: 'harbour', start: nl, end: nl + 1, color: 'yellow' }),
      'invalid_input',
    );
  });

  it('updates color, note and tags and bumps modified only', async () => {
    const { service } = await setup();
    const a = await service.createAnnotation({ articleId: 'harbour', ...range(v1, 'tide table'), color: 'yellow' });
    const b = await service.updateAnnotation({
      articleId: 'harbour',
      id: a.id,
      patch: { note: '**red** ink', tags: ['evidence'] },
    });
    expect(b.body).toEqual({ color: 'yellow', note: '**red** ink', tags: ['evidence'] });
    expect(b.created).toBe(a.created);
    expect(b.modified > a.modified).toBe(true);
    expect(b.target).toEqual(a.target);
    const c = await service.updateAnnotation({ articleId: 'harbour', id: a.id, patch: { color: 'purple' } });
    expect(c.body.color).toBe('purple');
    expect(c.body.note).toBe('**red** ink');
    await rejects(service.updateAnnotation({ articleId: 'harbour', id: 'missing', patch: { note: 'x' } }), 'not_found');
    await rejects(
      service.updateAnnotation({ articleId: 'harbour', id: a.id, patch: { color: 'orange' as 'yellow' } }),
      'invalid_input',
    );
  });

  it('deletes and restores an annotation exactly as it was (undo), keeping highlightCount', async () => {
    const { store, service } = await setup();
    const a = await service.createAnnotation({
      articleId: 'harbour',
      ...range(v1, 'tide table'),
      color: 'blue',
      note: 'n',
    });
    await service.createAnnotation({ articleId: 'harbour', ...range(v1, 'Ruth Abernathy'), color: 'yellow' });
    expect(store.getSummary('harbour')!.highlightCount).toBe(2);
    await service.deleteAnnotation({ articleId: 'harbour', id: a.id });
    expect(store.getSummary('harbour')!.highlightCount).toBe(1);
    expect((await service.listAnnotations({ articleId: 'harbour' })).map((x) => x.id)).toEqual(['id-2']);
    await rejects(service.deleteAnnotation({ articleId: 'harbour', id: a.id }), 'not_found');

    const back = await service.restoreAnnotation({ articleId: 'harbour', annotation: a });
    expect(back).toEqual(a);
    expect(store.getSummary('harbour')!.highlightCount).toBe(2);
    // Restoring twice does not duplicate it.
    await service.restoreAnnotation({ articleId: 'harbour', annotation: a });
    const list = await service.listAnnotations({ articleId: 'harbour' });
    expect(list.map((x) => x.id)).toEqual(['id-2', 'id-1']); // document order: Abernathy before tide table
    await rejects(
      service.restoreAnnotation({
        articleId: 'harbour',
        annotation: { ...a, target: { ...a.target, source: 'orchard' } },
      }),
      'invalid_input',
    );
  });

  it('lists annotations in document order with orphans last', async () => {
    const { store, service } = await setup();
    const late = await service.createAnnotation({
      articleId: 'harbour',
      ...range(v1, 'end of February'),
      color: 'yellow',
    });
    const early = await service.createAnnotation({
      articleId: 'harbour',
      ...range(v1, 'Harbour Board'),
      color: 'yellow',
    });
    await store.updateState('harbour', (s) => ({
      ...s,
      annotations: s.annotations.map((x) => (x.id === early.id ? { ...x, status: 'orphan' as const } : x)),
    }));
    const mid = await service.createAnnotation({ articleId: 'harbour', ...range(v1, 'tide table'), color: 'yellow' });
    expect((await service.listAnnotations({ articleId: 'harbour' })).map((x) => x.id)).toEqual([
      mid.id,
      late.id,
      early.id,
    ]);
  });

  it('searches quotes, notes and tags across the library, grouped by article in library order', async () => {
    const { service } = await setup();
    await service.createAnnotation({
      articleId: 'orchard',
      ...range(otherText, 'cider press'),
      color: 'yellow',
      tags: ['Harvest'],
    });
    await service.createAnnotation({
      articleId: 'harbour',
      ...range(v1, 'tide table'),
      color: 'yellow',
      note: 'a harvest of data',
    });
    await service.createAnnotation({
      articleId: 'harbour',
      ...range(v1, 'Ruth Abernathy'),
      color: 'yellow',
      tags: ['people'],
    });
    await service.createAnnotation({ articleId: 'harbour', ...range(v1, 'Harbour Board'), color: 'yellow' });

    const harvest = await service.searchAnnotations({ query: 'HARVEST' });
    expect(harvest.hits.map((h) => [h.article.title, h.annotation.target.selector[1].exact])).toEqual([
      ['Harbour Board vote', 'tide table'],
      ['Orchard news', 'cider press'],
    ]);
    expect((await service.searchAnnotations({ query: '#people' })).hits.map((h) => h.annotation.body.tags)).toEqual([
      ['people'],
    ]);
    expect((await service.searchAnnotations({ query: 'ruth chair' })).hits).toEqual([]);
    expect((await service.searchAnnotations({ query: 'ruth abernathy' })).hits.length).toBe(1);
    const all = await service.searchAnnotations({ query: '' });
    expect(all.hits.map((h) => h.annotation.target.selector[1].exact)).toEqual([
      'Harbour Board',
      'Ruth Abernathy',
      'tide table',
      'cider press',
    ]);
    // A page at a time, with the count of all of them.
    const first = await service.searchAnnotations({ query: '', limit: 3 });
    expect(first.hits.map((h) => h.annotation.target.selector[1].exact)).toEqual([
      'Harbour Board',
      'Ruth Abernathy',
      'tide table',
    ]);
    expect(first).toMatchObject({ total: 4, articles: 2 });
    await expect(service.searchAnnotations({ query: '', limit: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('lists tags used anywhere in the library, once each, sorted', async () => {
    const { service, store } = await setup();
    await service.createAnnotation({
      articleId: 'orchard',
      ...range(otherText, 'cider'),
      color: 'yellow',
      tags: ['harvest', 'Food'],
    });
    await service.createAnnotation({
      articleId: 'harbour',
      ...range(v1, 'tide'),
      color: 'yellow',
      tags: ['Harvest', 'evidence'],
    });
    expect(await service.listTags({})).toEqual(['evidence', 'Food', 'Harvest']); // first spelling in library order;
    await store.updateSummary('harbour', { tags: ['ports', 'FOOD'] });
    expect(await service.listTags({})).toEqual(['evidence', 'Food', 'Harvest', 'ports']); // article tags too
  });

  it('updates an article from a newer file and re-anchors, keeping orphans', async () => {
    const calls: Array<{ name: string; bytes: Uint8Array }> = [];
    const fakeImport: ReimportDocumentFn = async ({ name, bytes }) => {
      calls.push({ name, bytes });
      const text = new TextDecoder().decode(bytes);
      return {
        html: `<p>${text}</p>`,
        text,
        textSha256: 'h2',
        sourceSha256: 'src-2',
        sourceExt: 'txt',
        title: 'ignored',
        wordCount: 180,
        readingMinutes: 1,
      };
    };
    const { store, service } = await setup(fakeImport);
    await store.updateState('harbour', (s) => ({ ...s, note: 'my article note', position: v1.indexOf('Fishermen') }));
    const kept = await service.createAnnotation({
      articleId: 'harbour',
      ...range(v1, 'Ruth Abernathy'),
      color: 'yellow',
    });
    const gone = await service.createAnnotation({
      articleId: 'harbour',
      ...range(v1, 'wading birds in numbers not seen since the nineteen-fifties'),
      color: 'pink',
      note: 'count?',
    });
    const file = { name: 'harbour.txt', dataBase64: Buffer.from(v2).toString('base64') };
    const { article, annotations } = await service.updateFromFile({ id: 'harbour', file });

    expect(calls[0]!.name).toBe('harbour.txt');
    expect(article.text).toBe(v2);
    expect(article.title).toBe('Harbour Board vote');
    expect(article.wordCount).toBe(180);
    expect(article.sourceSha256).toBe('src-2');
    expect(article.note).toBe('my article note');
    expect(v2.slice(article.position, article.position + 9)).toBe('Fishermen');
    expect(article.highlightCount).toBe(2);
    expect((await store.getContent('harbour')).text).toBe(v2);
    expect((await store.readSource('harbour')).ext).toBe('txt');

    const byId = new Map(annotations.map((a: Annotation) => [a.id, a]));
    const k = byId.get(kept.id)!;
    expect(k.status).toBe('anchored');
    expect(v2.slice(k.target.selector[0].start, k.target.selector[0].end)).toBe('Ruth Abernathy');
    const o = byId.get(gone.id)!;
    expect(o.status).toBe('orphan');
    expect(o.body.note).toBe('count?');
    expect(o.target).toEqual(gone.target);
    expect(annotations[annotations.length - 1]!.id).toBe(gone.id);
    expect(await service.listAnnotations({ articleId: 'harbour' })).toEqual(annotations);
  });

  it('leaves the article untouched when the new file cannot be imported', async () => {
    const { store, service } = await setup(() => {
      throw new AppError('unsupported_file', '“x.pdf” is not a text, Markdown or HTML file.');
    });
    await rejects(
      service.updateFromFile({ id: 'harbour', file: { name: 'x.pdf', dataBase64: 'AAEC' } }),
      'unsupported_file',
    );
    expect((await store.getContent('harbour')).text).toBe(v1);
    await rejects(service.updateFromFile({ id: 'harbour', file: { name: 'e.txt', dataBase64: '' } }), 'empty_file');
  });
});
