// Worker-thread entry: runs the pure importers so a slow file cannot stall the
// main process's event loop. Bundled as its own entry for Electron.
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../model/errors';
import { importFile, importPaste } from './import-document';
import type { ImportReply, ImportRequest, WorkerError } from './import-protocol';

function toWorkerError(error: unknown): WorkerError {
  if (isAppError(error)) return { app: true, code: error.code, message: error.message };
  if (error instanceof Error)
    return { app: false, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { app: false, message: String(error) };
}

const port = parentPort;
if (port) {
  port.on('message', async (request: ImportRequest) => {
    let reply: ImportReply;
    try {
      const doc = request.kind === 'document' ? await importFile(request.input) : importPaste(request.input);
      reply = { type: 'done', id: request.id, doc };
    } catch (error) {
      reply = { type: 'failed', id: request.id, error: toWorkerError(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies ImportReply);
}
