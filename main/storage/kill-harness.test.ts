// SIGKILL at random moments while the store writes: every file must still parse
// and hold the last acknowledged value or the one being written when killed.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseStoredFile } from './atomic-json-file';
import type { FileKind } from './file-schemas';
import { openLibraryStore } from './library-store';
import { makeTempDir } from '../../tests/support/store-test-helpers';

const CHILD = fileURLToPath(new URL('../../tests/support/kill-harness-child.ts', import.meta.url));
const LANES = 2; // libraries hammered side by side
const ROUNDS = 8; // kills per library (tsx start-up dominates the time)
/** On a loaded machine fewer rounds fit: stop starting new ones after this, once MIN_ROUNDS are done. */
const BUDGET_MS = 14_000;
const MIN_ROUNDS = 3;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

type Acks = Map<string, number[]>;

/** Starts the writer, kills it `delayMs` after it is ready, returns what it acknowledged. */
async function runAndKill(dir: string, delayMs: number): Promise<{ acks: Acks; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: Acks = new Map();
  let stderr = '';
  let buffer = '';
  let killTimer: NodeJS.Timeout | undefined;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line === 'ready') {
        killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        continue;
      }
      const [what, n] = line.split(' ');
      if (!acks.has(what!)) acks.set(what!, []);
      acks.get(what!)!.push(Number(n));
    }
  });
  const safety = setTimeout(() => child.kill('SIGKILL'), 8000);
  await new Promise<void>((resolve) => child.on('close', () => resolve()));
  clearTimeout(safety);
  clearTimeout(killTimer);
  return { acks, stderr };
}

async function allFilesParse(dir: string): Promise<void> {
  const files: [FileKind, string][] = [
    ['index', 'library.json'],
    ['settings', 'settings.json'],
    ['entities', 'entities.json'],
  ];
  for (const id of await readdir(join(dir, 'articles'))) {
    for (const [kind, name] of [
      ['content', 'content.json'],
      ['state', 'state.json'],
      ['meta', 'meta.json'],
    ] as const) {
      files.push([kind, `articles/${id}/${name}`]);
    }
  }
  for (const [kind, rel] of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, rel));
    } catch (e) {
      // Settings and corrections not written yet, or an import killed before its files were
      // written, leave files absent, never torn.
      const optional =
        rel === 'settings.json' ||
        rel === 'entities.json' ||
        (rel.startsWith('articles/') && !rel.startsWith('articles/k1/'));
      if ((e as { code?: string }).code === 'ENOENT' && optional) continue;
      throw e;
    }
    expect(() => parseStoredFile(kind, rel, bytes), rel).not.toThrow();
  }
}

async function killRepeatedly(startedAt: number): Promise<{ kills: number; acks: number; staleTemps: number }> {
  const t = await makeTempDir('gloss-kill-');
  cleanups.push(t.cleanup);
  const dir = t.dir;
  const known = { state: 0, settings: 19, index: 1200, entities: -1 }; // the fixtures' initial values
  const added = new Set<string>();
  let staleTemps = 0;
  let totalAcks = 0;

  let round = 0;
  for (; round < ROUNDS && (round < MIN_ROUNDS || Date.now() - startedAt < BUDGET_MS); round++) {
    const { acks, stderr } = await runAndKill(dir, 5 + Math.floor(Math.random() * 200));
    expect(stderr, 'the writer crashed by itself').toBe('');
    for (const n of acks.get('add') ?? []) added.add(`add${n}`);
    totalAcks += acks.get('state')?.length ?? 0;

    await allFilesParse(dir);
    staleTemps += (await readdir(join(dir, '.tmp'))).length;

    const store = await openLibraryStore(dir);
    const bad = store.takeNotices().filter((n) => n.level !== 'info');
    expect(bad, 'no file needed quarantine').toEqual([]);
    // only our own in-flight writes (named with our pid) may be there now
    const foreign = (await readdir(join(dir, '.tmp'))).filter((n) => !n.includes(`.${process.pid}.`));
    expect(foreign, 'stale temp files removed at open').toEqual([]);

    const actual = {
      state: (await store.getState('k1')).position,
      settings: store.getSettings().fontSize,
      index: store.getSummary('k1')!.wordCount,
      entities: Number(store.getCorrections()[0]?.id.slice(1) ?? -1),
    };
    // Each loop writes state n, then settings, index and corrections with the same n; the
    // write cut short may have landed (it was durable, just not yet acknowledged).
    const lastState = acks.get('state')?.at(-1);
    const inFlight = {
      state: (lastState ?? known.state) + 1,
      settings: lastState,
      index: lastState,
      entities: lastState,
    };
    for (const kind of Object.keys(known) as (keyof typeof known)[]) {
      const allowed = [acks.get(kind)?.at(-1) ?? known[kind], inFlight[kind]];
      expect(allowed, `${kind} after round ${round}`).toContain(actual[kind]);
      known[kind] = actual[kind];
    }
    const listed = new Set(store.listSummaries().map((s) => s.id));
    for (const id of added) expect(listed.has(id), `${id} was acknowledged`).toBe(true);
    expect(listed.has('k1')).toBe(true);
    await store.close();
  }
  return { kills: round, acks: totalAcks, staleTemps };
}

describe('SIGKILL during writes', () => {
  it(`leaves every file valid and holding the last acknowledged state or the next, over up to ${LANES * ROUNDS} kills`, async () => {
    const startedAt = Date.now();
    const lanes = await Promise.all(Array.from({ length: LANES }, () => killRepeatedly(startedAt)));
    const kills = lanes.reduce((a, l) => a + l.kills, 0);
    const acks = lanes.reduce((a, l) => a + l.acks, 0);
    const temps = lanes.reduce((a, l) => a + l.staleTemps, 0);
    console.log(`kill harness: ${kills} kills, ${acks} acknowledged state writes, ${temps} stale temp files cleaned`);
    expect(acks, 'the writers got some writes done before being killed').toBeGreaterThan(0);
  }, 30_000);
});
