import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { AppError } from '../model/errors';
import { budgetFor, createImportRunner, type ImportRunner } from './import-runner';
import { startImportWorker } from './start-worker';

const encode = (s: string) => new TextEncoder().encode(s);
/**
 * A stand-in worker whose imports take as long as their name says ("wait-3000.md": 3 s), so
 * timing tests do not depend on how slow some real input happens to be on this machine.
 */
const pacedWorker = () =>
  new Worker(
    `const { parentPort } = require('node:worker_threads');
     parentPort.on('message', (job) => {
       const name = job.input.name ?? 'paste';
       const ms = Number((/wait-(\\d+)/.exec(name) ?? [0, 0])[1]);
       setTimeout(() => parentPort.postMessage({ type: 'done', id: job.id, doc: { title: name, text: job.input.text ?? name } }), ms);
     });
     parentPort.postMessage({ type: 'ready' });`,
    { eval: true },
  );

let runner: ImportRunner | null = null;
afterEach(async () => {
  await runner?.close();
  runner = null;
});

describe('createImportRunner', () => {
  it('imports a file in the worker, with its source bytes intact', async () => {
    const warnings: string[] = [];
    runner = createImportRunner({ warn: (line) => warnings.push(line) });
    const bytes = encode('# Harbour notes\n\nThe tide came in *twice* that day.\n');
    const doc = await runner.importDocument({ name: 'notes/harbour.md', bytes });
    expect(doc.title).toBe('Harbour notes');
    expect(doc.text).toContain('The tide came in twice that day.');
    expect(doc.sourceBytes).toBeInstanceOf(Uint8Array);
    expect(Array.from(doc.sourceBytes)).toEqual(Array.from(bytes));
    expect(warnings).toEqual([]);
  });

  it('imports pasted text and queues imports one after another', async () => {
    runner = createImportRunner();
    const [a, b] = await Promise.all([
      runner.importPaste({ text: 'First paste about the lighthouse keeper.' }),
      runner.importDocument({ name: 'b.txt', bytes: encode('Second file about the ferry timetable.') }),
    ]);
    expect(a.text).toContain('lighthouse keeper');
    expect(b.text).toContain('ferry timetable');
  });

  it('stops the imports in the workers and those waiting, then imports the next file in a fresh worker', async () => {
    let started!: () => void;
    const ready = new Promise<void>((resolve) => (started = resolve));
    const startWorker = () => {
      const worker = pacedWorker();
      worker.once('message', () => started());
      return worker;
    };
    runner = createImportRunner({ startWorker, concurrency: 1 });
    const slow = runner.importDocument({ name: 'wait-60000.md', bytes: encode('x') }).catch((e: unknown) => e);
    const waiting = runner.importDocument({ name: 'wait-10.md', bytes: encode('y') }).catch((e: unknown) => e);
    await ready;
    await new Promise((resolve) => setTimeout(resolve, 50)); // the slow one is in the worker by now
    const t0 = Date.now();
    runner.cancel();
    for (const outcome of [await slow, await waiting]) {
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).code).toBe('cancelled');
    }
    expect(Date.now() - t0).toBeLessThan(5000);
    expect((await runner.importDocument({ name: 'wait-10.md', bytes: encode('z') })).title).toBe('wait-10.md');
  });

  it('returns an AppError from the worker with its code and message', async () => {
    runner = createImportRunner();
    const error = await runner.importDocument({ name: 'blank.txt', bytes: new Uint8Array() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('empty_file');
    expect((error as AppError).message).toMatch(/blank\.txt/);
  });

  it('gives up on a slow import with a clear message, and the next import still works', async () => {
    runner = createImportRunner({ timeoutMs: 300, startWorker: pacedWorker, concurrency: 1 });
    await runner.importPaste({ text: 'warm up' });
    const started = Date.now();
    const error = await runner
      .importDocument({ name: '/tmp/wait-60000-stars.md', bytes: encode('*_[') })
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unsupported_file');
    expect((error as AppError).message).toBe(
      '"wait-60000-stars.md" took too long to read (over 300 ms); it may be malformed. Nothing was imported.',
    );
    const next = await runner.importDocument({ name: 'after.txt', bytes: encode('Back to normal.') });
    expect(next.title).toBe('after.txt');
  });

  it('gives each file a budget by its size: seconds for a small file, up to the limit for a large one', () => {
    const doc = (bytes: number) => ({ kind: 'document' as const, input: { name: 'x', bytes: new Uint8Array(bytes) } });
    expect(budgetFor(doc(1024), 30_000)).toBe(15_004);
    expect(budgetFor(doc(2 * 1024 * 1024), 30_000)).toBe(23_000);
    expect(budgetFor(doc(32 * 1024 * 1024), 30_000)).toBe(30_000);
    expect(budgetFor({ kind: 'paste', input: { text: 'x'.repeat(1024 * 1024) } }, 30_000)).toBe(19_000);
  });

  it('does not hold a small import up behind a slow one', async () => {
    runner = createImportRunner({ startWorker: pacedWorker });
    const order: string[] = [];
    const started = Date.now();
    const slow = runner
      .importDocument({ name: 'wait-3000-big.md', bytes: encode('*_[') })
      .then((d) => order.push(d.title));
    await new Promise((done) => setTimeout(done, 50));
    const small = await runner.importDocument({ name: 'small.txt', bytes: encode('A small file.') });
    order.push(small.title);
    expect(Date.now() - started).toBeLessThan(2500);
    await slow;
    expect(order).toEqual(['small.txt', 'wait-3000-big.md']);
  });

  it('runs in-process, saying so once, when no worker can start', async () => {
    const warnings: string[] = [];
    runner = createImportRunner({
      startWorker: () => {
        throw new Error('no worker here');
      },
      warn: (line) => warnings.push(line),
    });
    const a = await runner.importPaste({ text: 'Fallback one.' });
    const b = await runner.importPaste({ text: 'Fallback two.' });
    expect([a.text, b.text]).toEqual(['Fallback one.', 'Fallback two.']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/main process.*no worker here/);
  });

  it('refuses a file whose import kills the worker, then starts a fresh worker', async () => {
    // Stands in for a worker that runs out of memory: it dies on its first job.
    const dying = () =>
      new Worker(
        `const { parentPort } = require('node:worker_threads');
         parentPort.on('message', () => process.exit(3));
         parentPort.postMessage({ type: 'ready' });`,
        { eval: true },
      );
    let started = 0;
    runner = createImportRunner({ startWorker: () => (started++ === 0 ? dying() : startImportWorker()) });
    const error = await runner
      .importDocument({ name: 'huge.html', bytes: encode('<p>x</p>') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe(
      '"huge.html" could not be read; it may be malformed. Nothing was imported.',
    );
    const next = await runner.importPaste({ text: 'The fresh worker reads this.' });
    expect(next.text).toBe('The fresh worker reads this.');
    expect(started).toBe(2);
  });

  it('stops the import in flight and the ones waiting when closed', async () => {
    runner = createImportRunner({ startWorker: pacedWorker, concurrency: 1 });
    await runner.importPaste({ text: 'warm up' });
    const inFlight = runner
      .importDocument({ name: 'wait-60000-stars.md', bytes: encode('*_[') })
      .catch((e: unknown) => e);
    const waiting = runner.importPaste({ text: 'never read' }).catch((e: unknown) => e);
    await new Promise((done) => setTimeout(done, 100));
    await runner.close();
    expect(String(await inFlight)).toMatch(/closing/);
    expect(String(await waiting)).toMatch(/closing/);
  });

  it('rejects imports asked for after close', async () => {
    runner = createImportRunner();
    await runner.close();
    await expect(runner.importPaste({ text: 'late' })).rejects.toThrow(/closed/);
  });
});
