// Memory of the main-process services over a library of 10,000 articles:
// measured in a fresh Node process (after a forced GC) so nothing else is counted.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { row, type BenchRow } from './report';

interface ChildFigures {
  articles: number;
  openMs: number;
  before: { rss: number; heapUsed: number };
  after: { rss: number; heapUsed: number };
}

export function benchMemory(repo: string, libraryDir: string, count: number, runs = 3): BenchRow[] {
  const figures: ChildFigures[] = [];
  for (let r = 0; r < runs; r++) {
    const result = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(repo, 'tests', 'bench', 'memory-child.ts'),
        libraryDir,
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`The memory bench child failed:\n${result.stderr}`);
    const line = result.stdout.trim().split('\n').pop()!;
    const f = JSON.parse(line) as ChildFigures;
    if (f.articles !== count) throw new Error(`The memory bench saw ${f.articles} articles, expected ${count}.`);
    figures.push(f);
  }
  const MB = 1024 * 1024;
  const size = `${count.toLocaleString('en-US')} articles`;
  return [
    row(
      'Main process: open library (createGloss)',
      size,
      'ms',
      figures.map((f) => f.openMs),
    ),
    row(
      'Main process: RSS with library open',
      size,
      'MB',
      figures.map((f) => f.after.rss / MB),
      undefined,
      'after listArticles + 20 getArticle, GC',
    ),
    row(
      'Main process: JS heap used',
      size,
      'MB',
      figures.map((f) => f.after.heapUsed / MB),
    ),
    row(
      'Main process: heap growth from the library',
      size,
      'MB',
      figures.map((f) => (f.after.heapUsed - f.before.heapUsed) / MB),
      undefined,
      'heap after minus heap before createGloss',
    ),
  ];
}
