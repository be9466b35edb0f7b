// Storage figures for `npm run bench`: a highlight's save in a large library
// (issue 15: the save used to rewrite all of library.json, 19 MB at 50,000
// articles), measured from createAnnotation to resolved over the real file store.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnnotationsService } from '../../main/annotations/annotations-service';
import { openLibraryStore } from '../../main/storage/library-store';
import { SCHEMA_VERSION } from '../../main/storage/file-schemas';
import { spreadAnnotations } from './generate-library';
import { row, type BenchRow } from './report';
import { asText, generateParagraphs } from './seeded';

/** A library of `count` entries, each folder holding its state (ten highlights), written directly: fast enough for 50,000. */
async function seedLibrary(dir: string, count: number): Promise<void> {
  const summaries = Array.from({ length: count }, (_, i) => ({
    id: `art${i}`,
    title: `A moderately long generated article title, number ${i}`,
    author: i % 3 ? `Writer ${i % 97}` : null,
    site: i % 4 ? `site-${i % 31}.example.org` : null,
    published: null,
    source: `/library/generated/art${i}.txt`,
    sourceUrl: null,
    format: 'txt',
    added: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    wordCount: 1200,
    readingMinutes: 5,
    language: 'en',
    tags: i % 5 ? [] : ['bench'],
    progress: (i % 10) / 10,
    highlightCount: 10,
    sourceSha256: `${i}`.padStart(64, '0'),
  }));
  await writeFile(join(dir, 'library.json'), JSON.stringify({ schemaVersion: 1, articles: summaries, trash: [] }));
  await mkdir(join(dir, 'articles'));
  // Ten highlights in each article's state, as the library has them (its texts are not needed here).
  const texts = Array.from({ length: 50 }, (_, i) => asText(`Article ${i}`, generateParagraphs(1200, 500 + i)));
  const state = (id: string, i: number) =>
    JSON.stringify({
      schemaVersion: SCHEMA_VERSION,
      annotations: spreadAnnotations(id, texts[i % texts.length]!, 10, i),
      note: '',
      position: 0,
    });
  for (let i = 0; i < count; i += 500) {
    await Promise.all(
      summaries.slice(i, i + 500).map(async (s, k) => {
        await mkdir(join(dir, 'articles', s.id));
        await writeFile(join(dir, 'articles', s.id, 'state.json'), state(s.id, i + k));
      }),
    );
  }
}

export async function benchStorage(opts: { articles: number; runs: number }): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-store-'));
  try {
    await seedLibrary(dir, opts.articles);
    const store = await openLibraryStore(dir);
    const text = asText('The highlighted article', generateParagraphs(3000, 31));
    await store.addArticle({
      summary: { ...store.getSummary('art0')!, id: 'target', sourceSha256: 'f'.repeat(64), highlightCount: 0 },
      content: { html: `<p>${text}</p>`, text, textSha256: 'e'.repeat(64) },
      source: { bytes: new TextEncoder().encode(text), ext: 'txt' },
    });
    await store.flush();
    const service = createAnnotationsService({ store });
    const times: number[] = [];
    for (let r = 0; r < opts.runs + 3; r++) {
      const start = 50 + r * 40;
      const t0 = performance.now();
      await service.createAnnotation({ articleId: 'target', start, end: start + 25, color: 'yellow' });
      if (r >= 3) times.push(performance.now() - t0); // the first saves load the article and journal it
    }
    // The Highlights view opened first after a restart (a fresh service): its first page only.
    const p0 = performance.now();
    const page = await createAnnotationsService({ store }).searchAnnotations({ query: '' });
    const pageMs = performance.now() - p0;
    // Library Highlights search: the first query reads every article's state, later ones the index.
    const c0 = performance.now();
    const cold = await service.searchAnnotations({ query: 'ledger' });
    const coldMs = performance.now() - c0;
    const warm: number[] = [];
    for (let r = 0; r < opts.runs; r++) {
      const w0 = performance.now();
      await service.searchAnnotations({ query: r % 2 ? 'harbour' : 'ledger' });
      warm.push(performance.now() - w0);
    }
    // A save changes the library: the next query builds the one searchable text again.
    const afterSave: number[] = [];
    for (let r = 0; r < 5; r++) {
      const start = 4000 + r * 40;
      await service.createAnnotation({ articleId: 'target', start, end: start + 25, color: 'green' });
      const s0 = performance.now();
      await service.searchAnnotations({ query: 'ledger' });
      afterSave.push(performance.now() - s0);
    }
    await store.close();
    const size = `${opts.articles.toLocaleString('en-US')}-article library`;
    return [
      row(
        'Highlight save (createAnnotation → on disk)',
        size,
        'ms',
        times,
        { op: '<', value: 20 },
        'issue 15: was 354 ms at 50,000 (the whole library.json rewritten)',
      ),
      row(
        'Library Highlights, first page after a restart (no query)',
        size,
        'ms',
        [pageMs],
        { op: '<', value: 300 },
        `${page.hits.length} of ${page.total.toLocaleString('en-US')} highlights sent; issue 15: never painted at 50,000`,
      ),
      row(
        'Search highlights, first query (reads every state.json)',
        size,
        'ms',
        [coldMs],
        undefined,
        `${cold.total} hits, ${cold.hits.length} sent`,
      ),
      row(
        'Search highlights, later queries (in-memory index)',
        size,
        'ms',
        warm,
        { op: '<', value: 100 },
        'issue 15: every query re-read every state.json (2.3 s at 10,000)',
      ),
      row(
        'Search highlights, the query after a highlight is saved',
        size,
        'ms',
        afterSave,
        undefined,
        'the searchable text of every highlight is built again after a change',
      ),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
