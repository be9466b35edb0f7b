import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { AppError } from '../app/errors';
import { createImportRunner, type ImportRunner } from './import-runner';
import { startImportWorker } from './start-import-worker';

const encode = (s: string) => new TextEncoder().encode(s);
// markdown-it is superlinear on runs of emphasis openers with link brackets.
const slowMarkdown = () => encode('*_['.repeat(100_000));

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

  it('returns an AppError from the worker with its code and message', async () => {
    runner = createImportRunner();
    const error = await runner.importDocument({ name: 'blank.txt', bytes: new Uint8Array() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('empty_file');
    expect((error as AppError).message).toMatch(/blank\.txt/);
  });

  it('gives up on a slow import with a clear message, and the next import still works', async () => {
    runner = createImportRunner({ timeoutMs: 300 });
    // Warm the worker so the limit measures the import, not the worker's start.
    await runner.importPaste({ text: 'warm up' });
    const started = Date.now();
    const error = await runner
      .importDocument({ name: '/tmp/stars.md', bytes: slowMarkdown() })
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unsupported_file');
    expect((error as AppError).message).toBe(
      '"stars.md" took too long to read (over 300 ms); it may be malformed. Nothing was imported.',
    );
    const next = await runner.importDocument({ name: 'after.txt', bytes: encode('Back to normal after the storm.') });
    expect(next.text).toContain('Back to normal');
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
    runner = createImportRunner();
    await runner.importPaste({ text: 'warm up' });
    const inFlight = runner.importDocument({ name: 'stars.md', bytes: slowMarkdown() }).catch((e: unknown) => e);
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
