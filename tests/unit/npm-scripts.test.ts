// The project's npm set-up as a user meets it: npm speaks (its errors and
// install summary are not silenced), and the CLI's JSON still pipes cleanly
// through `npm run -s`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
let library: string;

function npm(...args: string[]) {
  // The user's own npm configuration (loglevel, colour) must not decide what this test sees.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
  const result = spawnSync('npm', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  library = await mkdtemp(join(tmpdir(), 'gloss-npm-'));
});

afterAll(async () => {
  await rm(library, { recursive: true, force: true });
});

describe('npm in this project', () => {
  it("does not hide npm's own messages", () => {
    const run = npm('run', 'no-such-script');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Missing script: "no-such-script"');
  });

  it('npm run -s gloss -- … --json writes nothing but the JSON to stdout', async () => {
    const file = join(library, 'tides.txt');
    await writeFile(file, 'Tide Tables\n\nSpring tides come twice a month.\n');
    expect(npm('run', '-s', 'gloss', '--', 'import', file, '--library', library).code).toBe(0);
    const listed = npm('run', '-s', 'gloss', '--', 'list', '--json', '--library', library);
    expect(listed.code).toBe(0);
    const articles = JSON.parse(listed.stdout) as Array<{ title: string }>;
    expect(articles.map((a) => a.title)).toEqual(['Tide Tables']);
  });
});
