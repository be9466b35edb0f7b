// Compares the full-text libraries issue 13 names — MiniSearch, FlexSearch, Orama — on our data:
// the article text of Readability's 130 real test pages (read in place from ../shared/corpora),
// repeated to a library of `--copies` articles. Prints build time, heap, and query time for the
// kinds of query Gloss runs (a word, a prefix while typing, two words). Run:
//   npx tsx --expose-gc tests/tools/search/compare-search-libraries.ts [--copies 20]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { JSDOM } from 'jsdom';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import { create, insertMultiple, search } from '@orama/orama';
import { normalizeTerm } from '../../../main/search/normalize-term';

const { values } = parseArgs({ options: { copies: { type: 'string', default: '20' } } });
const copies = Number(values.copies);
const corpus = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpora', 'readability-test-pages');

const pages = readdirSync(corpus, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(({ name }) => {
    const html = readFileSync(join(corpus, name, 'expected.html'), 'utf8');
    return { name, text: new JSDOM(html).window.document.body.textContent ?? '' };
  });
const docs = Array.from({ length: copies }, (_, c) => pages.map((p, i) => ({ id: `${c}-${i}`, text: p.text }))).flat();
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
const QUERIES = ['government', 'gove', 'climate change', 'the'];

interface Engine {
  name: string;
  build(): Promise<void> | void;
  query(q: string): Promise<number> | number;
}

const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

const engines: Engine[] = [
  (() => {
    const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], processTerm: normalizeTerm });
    return {
      name: 'MiniSearch 7',
      build: () => mini.addAll(docs),
      query: (q) => mini.search(q, { prefix: (t, i, all) => i === all.length - 1, combineWith: 'AND' }).length,
    };
  })(),
  (() => {
    const index = new FlexSearch.Index({ tokenize: 'forward', encoder: 'LatinBalance' } as never);
    return {
      name: 'FlexSearch 0.8',
      build: () => docs.forEach((d, i) => index.add(i, d.text)),
      query: (q) => (index.search(q, { limit: 10_000 }) as unknown[]).length,
    };
  })(),
  (() => {
    // Orama's schema types are too deep for tsc here; the runtime object is what is measured.
    let db: unknown = null;
    return {
      name: 'Orama 3',
      build: async () => {
        const orama = create({ schema: { text: 'string' } as const }) as never;
        db = orama;
        await insertMultiple(orama, docs.map((d) => ({ text: d.text })) as never, 500);
      },
      query: async (q) => ((await search(db as never, { term: q, limit: 10_000 } as never)) as { count: number }).count,
    };
  })(),
];

console.log(`${docs.length} articles (${pages.length} real pages × ${copies}), ${(words / 1e6).toFixed(2)} M words\n`);
console.log('library          build (ms)  heap (MB)  ' + QUERIES.map((q) => `“${q}” (ms, hits)`.padEnd(24)).join(''));
for (const engine of engines) {
  const h0 = heap();
  const t0 = performance.now();
  await engine.build();
  const build = performance.now() - t0;
  const mb = (heap() - h0) / 1024 / 1024;
  const cells: string[] = [];
  for (const q of QUERIES) {
    await engine.query(q);
    const q0 = performance.now();
    const hits = await engine.query(q);
    cells.push(`${(performance.now() - q0).toFixed(1)}, ${hits}`.padEnd(24));
  }
  console.log(
    `${engine.name.padEnd(16)} ${build.toFixed(0).padStart(10)}  ${mb.toFixed(0).padStart(9)}  ${cells.join('')}`,
  );
}
