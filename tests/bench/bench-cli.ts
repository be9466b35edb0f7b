// Issue 15: `gloss list` took ~1.7 s, most of it tsx transpiling at every call and jsdom loading
// for a command that parses no HTML. Now `npm run gloss` runs the built CLI, which loads the
// parsers only for the commands that need them. Both are timed here as whole processes.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { row, type BenchRow } from './report';

function timed(repo: string, command: string[], library: string): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, command, {
    cwd: repo,
    env: { ...process.env, GLOSS_LIBRARY: library },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`gloss list failed: ${result.stderr}`);
  return performance.now() - t0;
}

export async function benchCli(repo: string, runs: number): Promise<BenchRow[]> {
  const library = await mkdtemp(join(tmpdir(), 'gloss-bench-cli-'));
  try {
    const built = [join(repo, 'main', 'cli', 'launch.mjs'), 'list'];
    const viaTsx = [
      join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(repo, 'main', 'cli', 'gloss.ts'),
      'list',
    ];
    timed(repo, built, library); // builds when main/ is newer than the build
    const now = Array.from({ length: runs }, () => timed(repo, built, library));
    const before = Array.from({ length: runs }, () => timed(repo, viaTsx, library));
    return [
      row('`gloss list`, whole process (npm run gloss: the built CLI)', 'empty library', 'ms', now, {
        op: '<',
        value: 250,
      }),
      row('`gloss list` through tsx (as before)', 'empty library', 'ms', before),
    ];
  } finally {
    await rm(library, { recursive: true, force: true });
  }
}
