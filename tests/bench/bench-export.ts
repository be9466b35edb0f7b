// Figures for `npm run bench`: exporting one 100,000-word article with 1,000
// highlights (targets: < 1 s), and a 1,000-article library to a folder with
// entity notes (target: < 30 s). Generated, seeded data: same input every run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation, Article, Entity } from '../../main/model/contract';
import { articleFromHtml, makeAnnotation, seededRandom } from '../support/export-fixtures';
import { exportLibrary, type LibraryExportItem } from '../../main/export/library-export';
import { exportArticleMarkdown } from '../../main/export/markdown-export';
import { parseBody } from '../../main/export/parse-html';

export interface ExportBenchFigures {
  /** coldMs: the first export in a fresh process (JIT warm-up included); medianMs/minMs: the runs after it. */
  largeArticle: {
    words: number;
    highlights: number;
    runs: number;
    coldMs: number;
    medianMs: number;
    minMs: number;
    targetMs: 1000;
    markdownBytes: number;
  };
  library: { articles: number; wordsEach: number; highlightsEach: number; files: number; ms: number; targetMs: 30000 };
}

const WORDS = (
  'the of and to in that was for on with as by at from harbour ledger clerk audit copy port authority record entry ' +
  'bribe column office rail receipt archive page table year report minister council river city court witness ' +
  'evidence contract shipment customs inspector budget deficit election coalition vote policy reform'
).split(' ');

export function generateArticle(id: string, words: number, seed: number): Article {
  const rand = seededRandom(seed);
  const word = (): string => WORDS[Math.floor(rand() * WORDS.length)]!;
  const sentence = (): string => {
    const n = 8 + Math.floor(rand() * 18);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) {
      let w = word();
      const r = rand();
      if (r < 0.03) w = `<em>${w}</em>`;
      else if (r < 0.04) w = `<strong>${w}</strong>`;
      else if (r < 0.05) w = `<a href="https://example.org/${w}">${w}</a>`;
      else if (r < 0.055) w = `<code>${w}_${i}</code>`;
      ws.push(w);
    }
    ws[0] = ws[0]!.replace(/^[a-z]/, (c) => c.toUpperCase());
    return ws.join(' ') + (rand() < 0.1 ? ' #' + word() + '.' : '.');
  };
  const blocks: string[] = [];
  let count = 0;
  while (count < words) {
    const r = rand();
    if (r < 0.05) blocks.push(`<h2>${word()} ${word()} ${word()}</h2>`);
    else if (r < 0.1) blocks.push(`<ul><li>${sentence()}</li>\n\n<li>${sentence()}</li></ul>`);
    else if (r < 0.13) blocks.push(`<blockquote><p>${sentence()}</p></blockquote>`);
    else blocks.push(`<p>${sentence()} ${sentence()} ${sentence()} ${sentence()}</p>`);
    count += blocks[blocks.length - 1]!.replace(/<[^>]+>/g, ' ')
      .split(/\s+/)
      .filter(Boolean).length;
  }
  return articleFromHtml(
    {
      id,
      title: `Generated article ${id}`,
      author: 'Bench',
      site: 'example.org',
      published: '2026-01-01',
      source: null,
      sourceUrl: `https://example.org/${id}`,
      format: 'html',
      added: '2026-11-01T00:00:00.000Z',
      language: 'en',
      shelf: 'inbox',
      favorite: false,
      opened: null,
      tags: ['bench'],
      sourceSha256: '0'.repeat(64),
      note: 'Bench article note.',
    },
    blocks.join('\n\n'),
    // Generated markup is plain; the lighter DOM keeps generation garbage out of the timings.
    (h) => parseBody(h).textContent ?? '',
  );
}

export function generateHighlights(article: Article, count: number, seed: number): Annotation[] {
  const rand = seededRandom(seed);
  const starts = [...article.text.matchAll(/\b\w/g)].map((m) => m.index);
  const out: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const s = starts[Math.floor(rand() * starts.length)]!;
    const e = Math.min(article.text.length, s + 20 + Math.floor(rand() * (rand() < 0.1 ? 600 : 120)));
    const note = rand() < 0.4 ? `Note ${i} with *emphasis*.` : '';
    out.push(
      makeAnnotation(
        article,
        `bench-${String(i).padStart(5, '0')}`,
        s,
        e,
        { color: rand() < 0.5 ? 'yellow' : 'green', note, tags: rand() < 0.2 ? ['bench'] : [] },
        i,
      ),
    );
  }
  return out;
}

function generateEntities(article: Article): Entity[] {
  const names: Array<[string, Entity['type']]> = [
    ['harbour', 'place'],
    ['council', 'organization'],
    ['minister', 'person'],
  ];
  return names.map(([name, type]) => {
    const mentions = [...article.text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))]
      .slice(0, 50)
      .map((m) => ({ start: m.index, end: m.index + name.length, text: name }));
    return { key: `${type}:${name}`, name: name[0]!.toUpperCase() + name.slice(1), type, aliases: [], mentions };
  });
}

export async function benchExport(
  options: { runs?: number; libraryArticles?: number } = {},
): Promise<ExportBenchFigures> {
  const runs = options.runs ?? 3;
  const big = generateArticle('large', 100_000, 7);
  const highlights = generateHighlights(big, 1000, 11);
  const entities = generateEntities(big);
  const times: number[] = [];
  let bytes = 0;
  let coldMs = 0;
  for (let r = -1; r < runs; r++) {
    const t0 = performance.now();
    const file = exportArticleMarkdown({
      article: big,
      annotations: highlights,
      entities,
      exported: '2026-11-27T00:00:00.000Z',
    });
    if (r < 0) coldMs = performance.now() - t0;
    else times.push(performance.now() - t0);
    bytes = Buffer.byteLength(file.markdown);
  }
  times.sort((a, b) => a - b);

  const n = options.libraryArticles ?? 1000;
  const items: LibraryExportItem[] = [];
  for (let i = 0; i < n; i++) {
    const article = generateArticle(`a${i}`, 1200, 100 + i);
    items.push({
      article,
      annotations: generateHighlights(article, 10, 5000 + i),
      entities: generateEntities(article),
    });
  }
  const dir = await mkdtemp(join(tmpdir(), 'gloss-export-bench-'));
  let files = 0;
  let libraryMs = 0;
  try {
    const t0 = performance.now();
    files = (
      await exportLibrary({ articles: items, dir, options: { wikilinks: true }, exported: '2026-11-27T00:00:00.000Z' })
    ).written.length;
    libraryMs = performance.now() - t0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return {
    largeArticle: {
      words: big.wordCount,
      highlights: highlights.length,
      runs,
      coldMs: Math.round(coldMs),
      medianMs: Math.round(times[Math.floor(times.length / 2)]!),
      minMs: Math.round(times[0]!),
      targetMs: 1000,
      markdownBytes: bytes,
    },
    library: { articles: n, wordsEach: 1200, highlightsEach: 10, files, ms: Math.round(libraryMs), targetMs: 30000 },
  };
}

/** The bench runner's entry point (same figures as benchExport with its defaults). */
export function bench(): Promise<ExportBenchFigures> {
  return benchExport();
}
