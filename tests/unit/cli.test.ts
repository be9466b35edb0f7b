// The CLI as a script would use it: real processes, a temporary library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'import');
let library: string;
let scratch: string;

// As `npm run gloss` runs it: the built CLI, built first when main/ is newer (main/cli/launch.mjs).
const glossCommand = [process.execPath, join(root, 'main', 'cli', 'launch.mjs')];

/** The CLI with its stdout piped into a reader that starts late, as `gloss … | jq` may. */
function glossIntoSlowPipe(...args: string[]): number {
  const quoted = [...glossCommand, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const result = spawnSync('sh', ['-c', `${quoted} | (sleep 1; wc -c)`], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GLOSS_LIBRARY: library },
    timeout: 60_000,
  });
  return Number(result.stdout.trim());
}

function gloss(...args: string[]) {
  const result = spawnSync(glossCommand[0]!, [...glossCommand.slice(1), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GLOSS_LIBRARY: library },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  library = await mkdtemp(join(tmpdir(), 'gloss-cli-'));
  scratch = await mkdtemp(join(tmpdir(), 'gloss-cli-files-'));
  // Builds the CLI when main/ changed since the last build (npm test builds first, so this is quick there).
  spawnSync(glossCommand[0]!, [...glossCommand.slice(1), 'help'], { cwd: root, timeout: 300_000 });
}, 300_000);

afterAll(async () => {
  await rm(library, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

describe('gloss CLI', () => {
  it('imports, lists and shows articles, honouring GLOSS_LIBRARY', () => {
    const imported = gloss('import', join(fixtures, 'saved-page.txt'), join(fixtures, 'field-notes.md'));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Harbour Politics Reshape the Baltic Ferry Dispute');

    const listed = gloss('list', '--json');
    expect(listed.code).toBe(0);
    const articles = JSON.parse(listed.stdout) as Array<{ id: string; title: string }>;
    expect(articles).toHaveLength(2);

    const harbour = articles.find((a) => a.title.startsWith('Harbour Politics'))!;
    const shown = gloss('show', harbour.id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('title: Harbour Politics Reshape the Baltic Ferry Dispute');
    expect(shown.stdout).toContain('Mayor Ilse Varga told reporters');
  });

  it('--library wins over GLOSS_LIBRARY', async () => {
    const other = await mkdtemp(join(tmpdir(), 'gloss-cli-other-'));
    expect(gloss('list', '--json', '--library', other).stdout.trim()).toBe('[]');
    await rm(other, { recursive: true, force: true });
  });

  it('detects a duplicate import and says how to force it', () => {
    const again = gloss('import', join(fixtures, 'saved-page.txt'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Already in the library');
    expect(JSON.parse(gloss('list', '--json').stdout)).toHaveLength(2);
  });

  it('rejects bad input with a message on stderr, exit code 1, and changes nothing', async () => {
    const empty = join(scratch, 'empty.txt');
    await writeFile(empty, '');
    const png = join(scratch, 'picture.md');
    await writeFile(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    for (const file of [empty, png, join(scratch, 'missing.txt')]) {
      const result = gloss('import', file);
      expect(result.code, file).toBe(1);
      expect(result.stderr.trim().length, file).toBeGreaterThan(10);
      expect(result.stderr, file).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(JSON.parse(gloss('list', '--json').stdout)).toHaveLength(2);
  });

  it('exits 2 on a usage error and 1 on an unknown article', () => {
    expect(gloss('frobnicate').code).toBe(2);
    expect(gloss('show').code).toBe(2);
    // A mistyped option is said, not ignored (node:util parseArgs, strict).
    const typo = gloss('list', '--jsno');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Unknown option '--jsno'");
    const missing = gloss('show', 'no-such-article');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no longer in your library');
  });

  it('prints entities of a .txt file with offsets into the file itself', async () => {
    const path = join(fixtures, 'saved-page.txt');
    const result = gloss('entities', path, '--json');
    expect(result.code).toBe(0);
    const text = await readFile(path, 'utf8');
    const { entities } = JSON.parse(result.stdout) as {
      entities: Array<{
        name: string;
        type: string;
        aliases: string[];
        mentions: Array<{ start: number; end: number; text: string }>;
      }>;
    };
    expect(entities.length).toBeGreaterThan(3);
    for (const entity of entities) {
      for (const m of entity.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    const mayor = entities.find((e) => e.type === 'person' && e.name.includes('Varga'));
    expect(mayor).toBeTruthy();
  });

  it('writes all of a 700 KB output into a pipe before exiting', async () => {
    // Generated words, long enough that the export is well over the 64 KiB a pipe holds.
    const words = ['harbour', 'council', 'ferry', 'Varga', 'report', 'river', 'market', 'stone'];
    const paragraphs = Array.from({ length: 1100 }, (_, p) =>
      Array.from({ length: 110 }, (_, w) => words[(p * 7 + w * 3) % words.length]).join(' '),
    );
    const file = join(scratch, 'long-report.txt');
    await writeFile(file, `Long Report\n\n${paragraphs.join('\n\n')}\n`);
    const imported = gloss('import', file, '--json');
    expect(imported.code).toBe(0);
    const id = (JSON.parse(imported.stdout) as Array<{ article: { id: string } }>)[0]!.article.id;
    const out = join(scratch, 'long-report.md');
    expect(gloss('export', id, '--out', out).code).toBe(0);
    const size = (await readFile(out)).length;
    expect(size).toBeGreaterThan(700_000);
    expect(glossIntoSlowPipe('export', id)).toBe(size);
  });

  it('refuses /dev/zero, /dev/urandom, a FIFO and a folder before reading them, without hanging', async () => {
    const fifo = join(scratch, 'incoming.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const started = Date.now();
    const result = gloss('import', '/dev/zero', '/dev/urandom', fifo, scratch);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"zero" is a device, not a file Gloss can import.');
    expect(result.stderr).toContain('"urandom" is a device');
    expect(result.stderr).toContain('"incoming.fifo" is a pipe (FIFO)');
    expect(result.stderr).toMatch(/is a folder/);
    const entities = gloss('entities', fifo, '--json');
    expect(entities.code).toBe(1);
    expect(entities.stderr).toContain('is a pipe (FIFO)');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('reads while the app holds the library, says why it cannot import, and unlocks a stale lock', async () => {
    // This test process stands in for the running app: alive, holding the lock.
    const { hostname } = await import('node:os');
    const lock = join(library, '.lock');
    await writeFile(
      lock,
      JSON.stringify({ pid: process.pid, started: '2026-11-27T00:00:00Z', host: hostname(), token: 'app' }),
    );
    const listed = gloss('list', '--json');
    expect(listed.code).toBe(0);
    const articles = JSON.parse(listed.stdout) as Array<{ id: string }>;
    expect(articles.length).toBeGreaterThan(1);
    expect(gloss('show', articles[0]!.id).code).toBe(0);
    expect(gloss('export', articles[0]!.id).stdout).toContain('---');
    const imported = gloss('import', join(fixtures, 'field-notes.md'), '--allow-duplicate');
    expect(imported.code).toBe(1);
    expect(imported.stderr).toMatch(/open in another Gloss process \(pid \d+, since 2026-11-27 00:00 UTC\)/);
    expect(imported.stderr).toMatch(/import from within the app, or close it first/);
    expect(gloss('unlock').code).toBe(1); // its holder is alive
    expect(gloss('unlock', '--force').stdout).toMatch(/Removed the lock/);
    expect(gloss('list', '--json').code).toBe(0);
  });

  it('searches the library for a word in an article body, as text and as JSON', () => {
    const found = gloss('search', 'sailings');
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(/Harbour Politics Reshape the Baltic Ferry Dispute\n.*\[sailings\]/);
    const json = JSON.parse(gloss('search', 'sailings', '--json').stdout) as {
      results: Array<{ article: { title: string }; hits: Array<{ kind: string }> }>;
    };
    expect(json.results.map((r) => r.article.title)).toEqual(['Harbour Politics Reshape the Baltic Ferry Dispute']);
    expect(json.results[0]!.hits[0]!.kind).toBe('text');
    expect(gloss('search').code).toBe(2);
  });

  it('prints entities of an article in the library by ID', () => {
    const articles = JSON.parse(gloss('list', '--json').stdout) as Array<{ id: string; title: string }>;
    const harbour = articles.find((a) => a.title.startsWith('Harbour Politics'))!;
    const result = gloss('entities', harbour.id, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).entities.length).toBeGreaterThan(3);
  });
});
