import type { Worker } from 'node:worker_threads';
import { AppError, userMessage } from '../model/errors';
import type { ImportedDocument, ImportFileInput } from './import-document';
import type { ImportReply, ImportRequest, PasteInput, WorkerError } from './import-protocol';
import { startImportWorker } from './start-worker';

export interface ImportRunner {
  importDocument(input: ImportFileInput): Promise<ImportedDocument>;
  importPaste(input: PasteInput): Promise<ImportedDocument>;
  /** Ends the worker; imports still waiting are rejected. */
  close(): Promise<void>;
  /**
   * Stops every import: those waiting and those reading in a worker end with a 'cancelled' error
   * (the worker is ended; the next import starts a fresh one). An import read in-process cannot be
   * stopped midway and finishes.
   */
  cancel(): void;
}

export interface ImportRunnerOptions {
  /** The most one import may run before its worker is ended, whatever its size. Default 30 s. */
  timeoutMs?: number;
  /** Imports run at once, each in its own worker, so one slow file does not hold up the rest. Default 2. */
  concurrency?: number;
  /** How long a fresh worker may take to load before imports run in-process instead. Default 60 s. */
  startTimeoutMs?: number;
  startWorker?: () => Worker;
  /** Where the one-time "running in-process" notice goes. Default stderr. */
  warn?: (line: string) => void;
}

type Request = { kind: 'document'; input: ImportFileInput } | { kind: 'paste'; input: PasteInput };

interface Job {
  request: Request;
  resolve(doc: ImportedDocument): void;
  reject(error: unknown): void;
}

interface Live {
  worker: Worker;
  ready: Promise<boolean>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_START_TIMEOUT_MS = 60_000;

/**
 * One import's time budget: 15 s plus 4 s per megabyte (the real pipeline reads about
 * 1 MB a second on a loaded machine), within the runner's limit. The floor is for a
 * busy laptop: a 10 KB page once took over 5 s there while the parsers were still
 * loading, and was refused. A small file that hangs is still stopped in seconds
 * rather than after the 30 s a 32 MB page may need.
 */
export function budgetFor(request: { kind: 'document' | 'paste'; input: unknown }, limitMs: number): number {
  const input = request.input as { bytes?: Uint8Array; text?: string; html?: string };
  const bytes = input.bytes?.length ?? Math.max(input.text?.length ?? 0, input.html?.length ?? 0);
  return Math.min(limitMs, 15_000 + Math.ceil((4000 * bytes) / (1024 * 1024)));
}

function describeLimit(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

function subjectOf(request: Request): string {
  if (request.kind === 'paste') return 'The pasted text';
  const name = request.input.name;
  return `"${name.split(/[\\/]/).pop() ?? name}"`;
}

// Loaded only when no worker can run: the parsers (jsdom and the rest) take a while to load.
async function runInProcess(request: Request): Promise<ImportedDocument> {
  const { importFile, importPaste } = await import('./import-document');
  return request.kind === 'document' ? importFile(request.input) : importPaste(request.input);
}

function cancelledError(): AppError {
  return new AppError('cancelled', 'The import was stopped; nothing of that file was imported.');
}

function stoppedError(): Error {
  return new Error('The import was stopped because Gloss is closing.');
}

function fromWorkerError(error: WorkerError): Error {
  if (error.app) return new AppError(error.code, error.message);
  const rebuilt = new Error(error.message);
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}

/**
 * Runs the pure importers in one long-lived worker thread, one import at a time, so a slow
 * or hostile file never blocks the main event loop. An import over the time limit ends the
 * worker (the next import starts a fresh one). Without a worker, imports run in-process.
 */
export function createImportRunner(options: ImportRunnerOptions = {}): ImportRunner {
  const queue: Job[] = [];
  const shared = { closed: false, inProcess: false, nextId: 1 };
  const slots = Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () => createSlot(options, queue, shared));
  const pumpAll = () => slots.forEach((slot) => void slot.pump());

  function submit(request: Request): Promise<ImportedDocument> {
    if (shared.closed) return Promise.reject(new Error('The importer is closed.'));
    return new Promise<ImportedDocument>((resolve, reject) => {
      queue.push({ request, resolve, reject });
      pumpAll();
    });
  }

  return {
    importDocument: (input) => submit({ kind: 'document', input }),
    importPaste: (input) => submit({ kind: 'paste', input }),
    cancel() {
      for (const job of queue.splice(0)) job.reject(cancelledError());
      slots.forEach((slot) => slot.cancel());
    },
    async close() {
      shared.closed = true;
      for (const job of queue.splice(0)) job.reject(stoppedError());
      await Promise.all(slots.map((slot) => slot.stop()));
    },
  };
}

interface Shared {
  closed: boolean;
  /** No worker could start: every slot imports in-process. */
  inProcess: boolean;
  nextId: number;
}

/** One worker and the job it runs; slots take jobs from the runner's queue in turn. */
function createSlot(options: ImportRunnerOptions, queue: Job[], shared: Shared) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const startWorker = options.startWorker ?? (() => startImportWorker());
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  let live: Live | null = null;
  let busy = false;
  // The reply handler of the job in flight; the worker's listeners call it.
  let onReply: ((reply: ImportReply) => void) | null = null;
  let onDeath: ((error: Error) => void) | null = null;
  let onCancel: (() => void) | null = null;
  let cancels = 0;

  function fallBack(reason: string): void {
    if (!shared.inProcess) warn(`Gloss: imports run in the main process (${reason}); a slow file will pause the app.`);
    shared.inProcess = true;
  }

  function spawn(): Live {
    // Referenced while it starts and while a job runs (so a CLI waits for it);
    // unreferenced when idle, so it never keeps a process alive on its own.
    const worker = startWorker();
    const ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), startTimeoutMs);
      timer.unref();
      const settle = (ok: boolean) => {
        clearTimeout(timer);
        resolve(ok);
      };
      worker.on('message', (reply: ImportReply) => {
        if (reply.type === 'ready') settle(true);
        else onReply?.(reply);
      });
      worker.on('error', (error) => {
        settle(false);
        forget();
        onDeath?.(error);
      });
      worker.on('exit', (code) => {
        settle(false);
        forget();
        onDeath?.(new Error(`import worker exited with code ${code}`));
      });
    });
    const self: Live = { worker, ready };
    // A worker that died while idle is replaced on the next import.
    const forget = () => {
      if (live === self) live = null;
    };
    return self;
  }

  function discard(current: Live): void {
    if (live === current) live = null;
    void current.worker.terminate();
  }

  async function workerFor(): Promise<Live | null> {
    if (shared.inProcess) return null;
    if (!live) {
      try {
        live = spawn();
      } catch (error) {
        fallBack(userMessage(error));
        return null;
      }
    }
    const current = live;
    if (await current.ready) return current;
    discard(current);
    if (!shared.closed) fallBack('the import worker did not start');
    return null;
  }

  function runOnWorker(current: Live, request: Request): Promise<ImportedDocument> {
    const id = shared.nextId++;
    const budget = budgetFor(request, timeoutMs);
    return new Promise<ImportedDocument>((resolve, reject) => {
      const finish = (outcome: () => void) => {
        clearTimeout(timer);
        onReply = null;
        onDeath = null;
        onCancel = null;
        current.worker.unref();
        outcome();
      };
      const timer = setTimeout(() => {
        discard(current);
        finish(() =>
          reject(
            new AppError(
              'unsupported_file',
              `${subjectOf(request)} took too long to read (over ${describeLimit(budget)}); it may be malformed. Nothing was imported.`,
            ),
          ),
        );
      }, budget);
      onReply = (reply) => {
        if (reply.type === 'done' && reply.id === id) finish(() => resolve(reply.doc));
        else if (reply.type === 'failed' && reply.id === id) finish(() => reject(fromWorkerError(reply.error)));
      };
      onDeath = () => {
        // A crash mid-import (e.g. out of memory) is the file's doing as far as the user can tell.
        discard(current);
        finish(() =>
          reject(
            shared.closed
              ? stoppedError()
              : new AppError(
                  'unsupported_file',
                  `${subjectOf(request)} could not be read; it may be malformed. Nothing was imported.`,
                ),
          ),
        );
      };
      onCancel = () => {
        discard(current);
        finish(() => reject(cancelledError()));
      };
      current.worker.ref();
      current.worker.postMessage({ id, ...request } as ImportRequest);
    });
  }

  async function pump(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        try {
          const asked = cancels;
          const current = await workerFor();
          if (shared.closed) throw stoppedError();
          // Stopped while a fresh worker was starting: the job never reaches it.
          if (cancels !== asked) throw cancelledError();
          job.resolve(current ? await runOnWorker(current, job.request) : await runInProcess(job.request));
        } catch (error) {
          job.reject(error);
        }
      }
    } finally {
      busy = false;
    }
  }

  return {
    pump,
    cancel: () => {
      cancels++;
      onCancel?.();
    },
    async stop() {
      const current = live;
      live = null;
      if (current) await current.worker.terminate();
    },
  };
}
