// Runs entity extraction in one worker thread, a job at a time, so the main
// process keeps serving (a highlight saved while a long article is tagged is saved
// at once). Falls back to extracting in-process when no worker can start.
import type { Worker } from 'node:worker_threads';
import type { Entity } from '../model/contract';
import { startWorker } from '../import/start-worker';
import type { EntityReply, EntityRequest } from './entity-worker';
import { findNerModelPath } from './ner/model-loader';

export type ExtractFn = (text: string, options: { referenceDate: string | null }) => Promise<Entity[]>;

export interface EntityRunner {
  extract: ExtractFn;
  /** Ends the worker; extractions still waiting are rejected. */
  close(): Promise<void>;
}

interface Job {
  request: EntityRequest;
  resolve(entities: Entity[]): void;
  reject(error: unknown): void;
}

export function createEntityRunner(start: () => Worker = defaultStart): EntityRunner {
  let worker: Worker | null = null;
  let inProcess = false;
  let nextId = 1;
  const waiting: Job[] = [];
  let running: Job | null = null;

  const fail = (error: unknown) => {
    for (const job of [running, ...waiting.splice(0)]) job?.reject(error);
    running = null;
  };

  function ensureWorker(): Worker | null {
    if (worker || inProcess) return worker;
    try {
      worker = start();
    } catch {
      inProcess = true; // no worker file (a test run without a build): extract here, as before
      return null;
    }
    worker.on('message', (reply: EntityReply) => {
      if (reply.type === 'ready' || !running || reply.id !== running.request.id) return;
      const job = running;
      running = null;
      worker?.unref();
      if (reply.type === 'done') job.resolve(reply.entities);
      else job.reject(new Error(reply.message));
      pump();
    });
    worker.on('error', (error) => {
      worker = null;
      fail(error);
    });
    // Idle, it must not keep a finished process (the CLI) alive; busy, it must, or Node exits mid-wait.
    worker.unref();
    return worker;
  }

  function pump(): void {
    if (running || waiting.length === 0) return;
    const w = ensureWorker();
    running = waiting.shift()!;
    if (w) {
      w.ref();
      w.postMessage(running.request);
      return;
    }
    const job = running;
    running = null;
    import('./extract-entities')
      .then(({ extractEntities }) => job.resolve(extractEntities(job.request.text, job.request)))
      .catch((error: unknown) => job.reject(error))
      .finally(pump);
  }

  return {
    extract(text, { referenceDate }) {
      return new Promise<Entity[]>((resolve, reject) => {
        waiting.push({ request: { id: nextId++, text, referenceDate }, resolve, reject });
        pump();
      });
    },
    async close() {
      fail(new Error('Gloss is closing.'));
      await worker?.terminate();
      worker = null;
    },
  };
}

function defaultStart(): Worker {
  return startWorker('entity-worker', import.meta.url, { modelPath: findNerModelPath() });
}
