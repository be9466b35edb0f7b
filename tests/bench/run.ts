// `npm run bench`: builds what it needs, runs every benchmark on generated,
// seeded data, prints one table and writes it to BENCHMARKS.md with the machine.
//
//   npm run bench                  everything (about 5–10 minutes on 2 cores)
//   npm run bench -- --quick       fewer runs, no 10,000-article UI library, 10,000 (not 50,000) for storage
//   npm run bench -- --only=ui,find   a subset: import, books, entities, annotations,
//                                   storage, paint, find, export, ui, memory, long
//   npm run bench -- --no-write    print only, leave BENCHMARKS.md alone
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench as benchAnnotations } from './bench-annotations';
import { benchCli } from './bench-cli';
import { benchSearch } from './bench-search';
import { benchLibraryEntities } from './bench-library-entities';
import { benchEntitiesOffThread } from './bench-entities-offthread';
import { benchEntities } from './bench-entities';
import { benchExport } from './bench-export';
import { benchFind } from './bench-find';
import { benchBooks } from './bench-books';
import { benchImport } from './bench-import';
import { benchMemory } from './bench-memory';
import { benchStorage } from './bench-storage';
import { benchUi } from './bench-ui';
import { benchLongRead } from './bench-long-read';
import { ensureBuild } from './ensure-build';
import { generateLibrary, importedArticle, spreadAnnotations, withAnnotations } from './generate-library';
import { bench as benchHighlightPaint } from './highlight-paint.bench';
import { consoleTable, markdownTable, row, summarisedRow, verdict, type BenchRow } from './report';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = !args.includes('--no-write');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const wanted = (name: string): boolean => !only || only.includes(name);

const rows: BenchRow[] = [];
const sections: Array<{ title: string; from: number }> = [];
let chromiumVersion = 'unknown';

async function section(name: string, title: string, run: () => Promise<BenchRow[]> | BenchRow[]): Promise<void> {
  if (!wanted(name)) return;
  const t0 = performance.now();
  process.stdout.write(`• ${title}… `);
  try {
    const got = await run();
    sections.push({ title, from: rows.length });
    rows.push(...got);
    console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.log('failed');
    console.error(`  ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    sections.push({ title, from: rows.length });
    rows.push({
      ...row(`${title}: did not run`, '—', '', [Number.NaN]),
      note: error instanceof Error ? error.message : String(error),
    });
  }
}

const n = (x: number): string => x.toLocaleString('en-US');

async function main(): Promise<void> {
  const started = new Date();
  const load = loadavg()[0]!;
  if (wanted('ui') || wanted('paint') || wanted('long') || wanted('books'))
    console.log(`Renderer: ${ensureBuild(REPO)}`);
  const runs = quick ? 3 : 5;

  await section('import', 'Import (real pipeline, generated 1 MB files)', () => benchImport(quick ? 3 : 7));

  await section('books', 'PDF and EPUB import (real pipeline, generated books)', () => benchBooks(quick ? 3 : 5));

  await section('entities', 'Entity extraction, ours vs compromise', async () => {
    const e = await benchEntities({ words: 10_000, runs: quick ? 3 : 7 });
    const size = `${n(e.words)}-word article`;
    return [
      summarisedRow(
        'Entities: ours (extract + merge)',
        size,
        'words/s',
        e.ours.wordsPerSecond,
        e.runs,
        `${e.ours.ms.toFixed(0)} ms/run, CPU ${e.ours.cpuMs.toFixed(0)} ms`,
        { op: '>=', value: 50_000 },
        `${e.ours.entities} entities`,
      ),
      summarisedRow(
        'Entities: compromise (baseline)',
        size,
        'words/s',
        e.compromise.wordsPerSecond,
        e.runs,
        `${e.compromise.ms.toFixed(0)} ms/run, CPU ${e.compromise.cpuMs.toFixed(0)} ms`,
        undefined,
        'people + places + organizations',
      ),
    ];
  });

  await section('entities-offthread', 'Entities off the main thread, and kept per article', () =>
    benchEntitiesOffThread({ words: quick ? 100_000 : 500_000 }),
  );

  await section('cli', 'Command line start-up', () => benchCli(REPO, runs));

  await section('search', 'Library search (MiniSearch)', () =>
    benchSearch(
      quick
        ? { articles: 1000, words: 1000, highlightsEach: 10 }
        : { articles: 10_000, words: 1000, highlightsEach: 10 },
    ),
  );

  await section('library-entities', 'Library Entities: first open, and after a restart', () =>
    benchLibraryEntities({ articles: quick ? 300 : 1000, large: quick ? 2000 : 10_000, words: 1200 }),
  );

  await section('annotations', 'Annotations: create → saved, re-anchor', async () => {
    const a = await benchAnnotations();
    const c = a.createToSaved;
    const d = a.createToSavedOnDisk;
    return [
      summarisedRow(
        'Create one highlight → saved (file store)',
        `${n(d.articles)} articles in library`,
        'ms',
        d.medianMs,
        d.runs,
        `p95 ${d.p95Ms}`,
        { op: '<', value: 50 },
        'createAnnotation → state.json written',
      ),
      summarisedRow(
        'Create one highlight → saved (service only)',
        `${n(c.articles)} articles, in memory`,
        'ms',
        c.medianMs,
        c.runs,
        `p95 ${c.p95Ms}`,
      ),
      summarisedRow(
        'Re-anchor all after an edit',
        `${n(a.reanchor.chars)} chars, ${n(a.reanchor.annotations)} annotations`,
        'ms',
        a.reanchor.ms,
        5,
        `best ${a.reanchor.minMs}`,
        undefined,
        `${a.reanchor.anchored} anchored, ${a.reanchor.moved} moved, ${a.reanchor.orphan} orphan`,
      ),
    ];
  });

  await section('storage', 'Storage: a highlight save in a large library', () =>
    benchStorage({ articles: quick ? 10_000 : 50_000, runs: quick ? 10 : 30 }),
  );

  await section('paint', 'Highlight paint: CSS Custom Highlight API vs mark.js (same run)', async () => {
    const out: BenchRow[] = [];
    for (const count of [100, 1000]) {
      const p = await benchHighlightPaint({ chars: 120_000, highlights: count, runs });
      chromiumVersion = p.chromium;
      const size = `${n(p.chars)} chars, ${n(p.highlights)} highlights`;
      if (count === 100)
        out.push(
          summarisedRow(
            'Article HTML inserted → painted (no highlights)',
            `${n(p.chars)} chars`,
            'ms',
            p.articleToFrameMs,
            p.runs,
            `idle frame ${p.idleFrameMs.toFixed(1)}`,
          ),
        );
      out.push(
        summarisedRow(
          'Highlights: CSS Custom Highlight layer → painted',
          size,
          'ms',
          p.css.toFrameMs,
          p.runs,
          `script ${p.css.scriptMs.toFixed(1)}`,
          { op: '<', value: 50 },
        ),
      );
      out.push(
        summarisedRow(
          'Highlights: mark.js markRanges → painted',
          size,
          'ms',
          p.markjs.toFrameMs,
          p.runs,
          `script ${p.markjs.scriptMs.toFixed(1)}`,
          undefined,
          `${n(p.markjs.marked)} <mark>s`,
        ),
      );
      if (count === 1000) {
        out.push(
          summarisedRow(
            'New highlight: layer upsert → painted',
            size,
            'ms',
            p.css.upsertOneToFrameMs,
            p.runs,
            `script ${p.css.upsertOneMs.toFixed(2)}`,
            { op: '<', value: 16.7 },
            'target: one frame; the figure includes waiting for the next frame and repainting every highlight (software raster, --disable-gpu)',
          ),
        );
        out.push(summarisedRow('Hit test (click on a highlight)', size, 'ms', p.css.hitTestMs, p.runs, 'per click'));
      }
    }
    return out;
  });

  await section('find', 'Find in article (mark.js)', () => benchFind(REPO, runs));

  await section('export', 'Export Markdown', async () => {
    const e = await benchExport({ runs: quick ? 3 : 5, libraryArticles: 1000 });
    const a = e.largeArticle;
    return [
      summarisedRow(
        'Export one large article',
        `${n(a.words)} words, ${n(a.highlights)} highlights`,
        'ms',
        a.medianMs,
        a.runs,
        `best ${a.minMs}`,
        { op: '<', value: 1000 },
        `${(a.markdownBytes / 1024).toFixed(0)} KB of Markdown`,
      ),
      summarisedRow(
        'Export a library to a folder',
        `${n(e.library.articles)} articles × ${n(e.library.wordsEach)} words, ${e.library.highlightsEach} highlights each`,
        'ms',
        e.library.ms,
        1,
        '—',
        { op: '<', value: 30_000 },
        `${n(e.library.files)} files with entity notes`,
      ),
    ];
  });

  if (wanted('ui') || wanted('memory')) {
    const scratch = await mkdtemp(join(tmpdir(), 'gloss-bench-'));
    try {
      process.stdout.write('• Generating libraries (storage API)… ');
      const t0 = performance.now();
      const big = importedArticle('long-read', 'The long read', { words: 100_000 }, 11);
      const base = importedArticle('highlighted', 'A highlighted article', { chars: 120_000 }, 12);
      const highlighted = [0, 100, 1000].map((count) => {
        const id = `highlighted-${count}`;
        const article = {
          ...base,
          summary: {
            ...base.summary,
            id,
            sourceSha256: `${base.summary.sourceSha256.slice(0, 60)}${String(count).padStart(4, '0')}`,
          },
        };
        return { article: withAnnotations(article, spreadAnnotations(id, base.content.text, count, 5 + count)), count };
      });
      const lib1k = join(scratch, 'library-1k');
      const lib10k = join(scratch, 'library-10k');
      await generateLibrary(lib1k, 1000, [big, ...highlighted.map((h) => h.article)]);
      const large = !quick;
      if (large) await generateLibrary(lib10k, 10_000);
      console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);

      await section('ui', 'Real UI in browser mode (serve + Chromium)', () =>
        benchUi({
          library1k: lib1k,
          library10k: large ? lib10k : null,
          bigArticleId: big.summary.id,
          bigArticleWords: big.summary.wordCount,
          highlighted: highlighted.map((h) => ({
            id: h.article.summary.id,
            chars: base.content.text.length,
            highlights: h.count,
          })),
          runs,
        }),
      );
      await section('memory', 'Main-process memory (createGloss in a fresh process)', () =>
        large ? benchMemory(REPO, lib10k, 10_000, 3) : benchMemory(REPO, lib1k, 1000, 1),
      );
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  if (wanted('long')) await benchLongReads();

  console.log('\n' + consoleTable(rows));
  const failed = rows.filter((r) => verdict(r) === 'FAIL');
  console.log(`\n${rows.filter((r) => r.target).length} figures with a target: ${failed.length} failed.`);
  if (write && !only && !quick) await writeFile(join(REPO, 'BENCHMARKS.md'), markdown(started, load));
  else if (write) console.log('(BENCHMARKS.md is written only by a full run.)');
}

/** Long articles (1M and, in the full run, 5M words) and the renderer's memory after several (issue 15). */
async function benchLongReads(): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'gloss-bench-long-'));
  try {
    process.stdout.write('• Generating long articles… ');
    const t0 = performance.now();
    const million = importedArticle('long-1m', 'A million words', { words: 1_000_000 }, 21);
    const copies = Array.from({ length: quick ? 3 : 10 }, (_, i) => ({
      ...million,
      summary: {
        ...million.summary,
        id: `long-1m-${i + 1}`,
        title: `A million words, copy ${i + 1}`,
        sourceSha256: `${million.summary.sourceSha256.slice(0, 60)}${String(i + 1).padStart(4, '0')}`,
      },
    }));
    const huge = quick ? [] : [importedArticle('long-5m', 'Five million words', { words: 5_000_000 }, 22)];
    await generateLibrary(join(scratch, 'library'), 20 + copies.length + huge.length + 1, [
      million,
      ...copies,
      ...huge,
    ]);
    console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await section('long', 'Long articles in the real UI (serve + Chromium)', () =>
      benchLongRead({
        library: join(scratch, 'library'),
        articles: [million, ...huge].map((a) => ({ id: a.summary.id, words: a.summary.wordCount })),
        memoryTitles: copies.map((c) => c.summary.title),
        runs: quick ? 3 : 5,
      }),
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function machine(started: Date, load: number): string[] {
  const cpu = cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return [
    `- Date: ${started.toISOString().replace('T', ' ').slice(0, 16)} UTC, commit ${commit} (plus any uncommitted changes)`,
    `- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores; RAM ${(totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `- Node ${process.version}; Chromium ${chromiumVersion} (headless, Debian \`/usr/bin/chromium\`)`,
    `- Load average at start: ${load.toFixed(2)} (other work on the machine makes every figure slower and noisier)`,
  ];
}

function markdown(started: Date, load: number): string {
  const notes = rows.filter((r) => r.note).map((r) => `- **${r.name}** (${r.size}): ${r.note}`);
  return [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (tests/bench/run.ts). Every input is generated from a fixed seed, so two runs measure',
    'the same data; each figure is the median of several runs, with the spread (min–max, or p10–p90 with 10 or more',
    'runs, or what the module bench reports). Targets come from issues 2–5.',
    '',
    '## Machine',
    '',
    ...machine(started, load),
    '',
    '## Results',
    '',
    markdownTable(rows),
    '',
    '## Notes',
    '',
    ...notes,
    '',
    '## What is measured',
    '',
    '- **Import**: `importDocument` (decode, Readability, DOMPurify, canonical text) on generated 1 MB .txt, .md and a saved-page .html.',
    '- **Books**: `importFile` on a generated 100-page text PDF (pdf.js text, pages) and a 40-chapter EPUB (tests/bench/bench-books.ts); the PDF page view in Chromium: open to page 1 drawn (100 and 500 pages), `h` on a drawn page to its paint, and the JS heap and canvases alive after scrolling a 500-page PDF through (tests/bench/bench-pdf-view.ts).',
    '- **Entities**: `benchEntities` (tests/bench/bench-entities.ts) on a generated 10,000-word news-like article.',
    '- **Annotations**: `createAnnotation` until the file store has written state.json, with 1,000 articles in the library;',
    '  re-anchoring 1,000 annotations after an edit (main/annotations/annotations-bench.ts).',
    '- **Highlight paint**: a 120,000-character article in headless Chromium, the CSS Custom Highlight layer',
    '  (renderer/highlights) against mark.js `markRanges` on the same ranges (tests/bench/highlight-paint.bench.ts).',
    '- **Find**: mark.js `mark(term)` over a 120,000-character article until the next painted frame.',
    '- **Export**: `benchExport` (main/export/export-bench.ts): one 100,000-word article with 1,000 highlights, and',
    '  1,000 articles to a folder with entity notes.',
    '- **Real UI**: `serve` over libraries generated with the storage API, the built renderer in Chromium. Times run from',
    "  the app's own performance mark (`gloss:library-request`, `gloss:article-request`) to the end of the first frame",
    '  that shows the list, the article text, or every highlight (counted in `CSS.highlights`).',
    '- **Memory**: a fresh Node process (`--expose-gc`) runs `createGloss` over the 10,000-article library, lists it and',
    '  opens 20 articles; RSS includes Node and the tsx loader.',
    '',
  ].join('\n');
}

await main();
