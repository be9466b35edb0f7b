// The search index kept in the library folder: a head start on the next run, never the truth.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibraryStore } from '../storage/library-store';
import type { LibraryStore } from '../storage/store-types';
import { summaryFor } from '../../tests/support/memory-store';
import { createAnnotationsService } from '../annotations/annotations-service';
import { createSearchService } from './search-service';

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true });
});

const TEXTS: Record<string, string> = {
  tram: 'The council wants rails on the old Weir Bridge by 2028, and the shopkeepers want to be asked.',
  ferry: 'The island ferry runs twice a day and the harbour master keeps the timetable by hand.',
};

async function open(dir: string) {
  const store = await openLibraryStore(dir);
  let contentReads = 0;
  let stateReads = 0;
  const getContent = store.getContent.bind(store);
  store.getContent = (id) => {
    contentReads++;
    return getContent(id);
  };
  const getState = store.getState.bind(store);
  store.getState = (id) => {
    stateReads++;
    return getState(id);
  };
  const search = createSearchService({ store, persist: true });
  return { store, search, contentReads: () => contentReads, stateReads: () => stateReads };
}

async function seed(store: LibraryStore) {
  for (const [id, text] of Object.entries(TEXTS)) {
    await store.addArticle({
      summary: { ...summaryFor(id, id), sourceSha256: `${id}`.padStart(64, '0') },
      content: { html: `<p>${text}</p>`, text, textSha256: `${id}`.padStart(64, 'e') },
      source: { bytes: new TextEncoder().encode(text), ext: 'txt' },
    });
  }
}

/** The format the kept file's first line (its head) names. */
const keptFormat = async (dir: string) =>
  JSON.parse((await readFile(join(dir, 'cache', 'search', 'index.json'), 'utf8')).split('\n')[0]!).format;

/** A library of TEXTS whose search index has been built and kept, closed again: its folder. */
async function keptLibrary(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-search-kept-'));
  dirs.push(dir);
  const first = await open(dir);
  await seed(first.store);
  await first.search.warm();
  await first.search.close();
  await first.store.close();
  return dir;
}

const ids = async (search: ReturnType<typeof createSearchService>, q: string) =>
  (await search.searchLibrary({ query: q })).results.map((r) => r.article.id);

describe('the kept search index', () => {
  it('is read back on the next run, so no article is indexed again; a changed one is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-search-kept-'));
    dirs.push(dir);
    const first = await open(dir);
    await seed(first.store);
    expect(await ids(first.search, 'harbour ')).toEqual(['ferry']);
    await first.search.close();
    await first.store.close();
    expect(await keptFormat(dir)).toBe(3);

    const second = await open(dir);
    await second.search.warm();
    expect(second.contentReads()).toBe(0);
    expect(second.stateReads()).toBe(0); // each state file is stamped, not read
    expect(await ids(second.search, 'bridge ')).toEqual(['tram']);
    await second.store.updateSummary('tram', { title: 'Rails over the Weir' });
    await second.search.warm();
    expect(second.contentReads()).toBe(2); // the bridge hit's snippet, then tram indexed again
    expect(await ids(second.search, 'rails weir ')).toEqual(['tram']);
    await second.store.close();
  });

  it('a highlight made while the index was not running (another Gloss, the CLI) is found on the next run', async () => {
    const dir = await keptLibrary();

    const elsewhere = await openLibraryStore(dir);
    await createAnnotationsService({ store: elsewhere }).createAnnotation({
      articleId: 'ferry',
      start: TEXTS.ferry!.indexOf('harbour master'),
      end: TEXTS.ferry!.indexOf('harbour master') + 'harbour master'.length,
      color: 'pink',
      note: 'ask about the winter sailings',
    });
    await elsewhere.close();

    const second = await open(dir);
    expect(await ids(second.search, 'winter sailings ')).toEqual(['ferry']);
    expect(second.stateReads()).toBe(1); // only the article whose state file changed
    await second.store.close();
  });

  it('a damaged file is built afresh, with the same results', async () => {
    const dir = await keptLibrary();
    await writeFile(join(dir, 'cache', 'search', 'index.json'), '{"format":1,"articles":{},"ind');

    const second = await open(dir);
    expect(await ids(second.search, 'timetable ')).toEqual(['ferry']);
    expect(second.contentReads()).toBeGreaterThanOrEqual(2);
    await second.store.close();
  });

  it('is written and read in lines, and a file cut short is built afresh', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-search-kept-'));
    dirs.push(dir);
    const first = await open(dir);
    // Enough different words for the terms to take several lines.
    for (let i = 0; i < 40; i++) {
      const words = Array.from({ length: 150 }, (_, j) => `w${i}x${j}`).join(' ');
      const text = `Ledger ${i}. ${words}.`;
      await first.store.addArticle({
        summary: { ...summaryFor(`l${i}`, `Ledger ${i}`), sourceSha256: `l${i}`.padStart(64, '0') },
        content: { html: `<p>${text}</p>`, text, textSha256: `l${i}`.padStart(64, 'e') },
        source: { bytes: new TextEncoder().encode(text), ext: 'txt' },
      });
    }
    await first.search.warm();
    await first.search.close();
    await first.store.close();
    const file = join(dir, 'cache', 'search', 'index.json');
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.length).toBeGreaterThan(3);

    const second = await open(dir);
    expect(await ids(second.search, '"w17x99"')).toEqual(['l17']);
    expect(second.contentReads()).toBe(1); // the hit's snippet only: nothing indexed again
    await second.store.close();

    await writeFile(file, lines.slice(0, -1).join('\n'));
    const third = await open(dir);
    expect(await ids(third.search, '"w39x149"')).toEqual(['l39']);
    expect(third.contentReads()).toBeGreaterThanOrEqual(40);
    await third.store.close();
  });

  it('an index kept by an earlier version (one document per highlight) is built afresh', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-search-kept-'));
    dirs.push(dir);
    const first = await open(dir);
    await seed(first.store);
    await first.store.close();
    const earlier = { format: 1, articles: { ferry: { sig: 'old', docs: ['a:ferry'] } }, index: {} };
    await mkdir(join(dir, 'cache', 'search'), { recursive: true });
    await writeFile(join(dir, 'cache', 'search', 'index.json'), JSON.stringify(earlier));

    const second = await open(dir);
    expect(await ids(second.search, 'timetable ')).toEqual(['ferry']);
    expect(second.contentReads()).toBeGreaterThanOrEqual(2);
    await second.search.close();
    expect(await keptFormat(dir)).toBe(3);
    await second.store.close();
  });
});

describe('building the index', () => {
  it('says how far it has got while it indexes, and nothing once it is ready', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-search-progress-'));
    dirs.push(dir);
    const { store, search } = await open(dir);
    for (let i = 0; i < 60; i++) {
      const text = `Report ${i} on the harbour dues and the canal tolls.`;
      await store.addArticle({
        summary: { ...summaryFor(`a${i}`, `Report ${i}`), sourceSha256: `${i}`.padStart(64, '0') },
        content: { html: `<p>${text}</p>`, text, textSha256: `${i}`.padStart(64, 'e') },
        source: { bytes: new TextEncoder().encode(text), ext: 'txt' },
      });
    }
    expect(await search.getSearchProgress({})).toBeNull();
    const building = search.warm();
    const seen = [];
    for (let turn = 0; turn < 10; turn++) {
      seen.push(await search.getSearchProgress({}));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await building;
    const readings = seen.filter((p) => p !== null);
    expect(readings.length).toBeGreaterThan(0);
    expect(readings.every((p) => p.total === 60 && p.done <= 60)).toBe(true);
    expect(await search.getSearchProgress({})).toBeNull();
    await store.close();
  });
});
