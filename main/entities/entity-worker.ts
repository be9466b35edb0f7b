// Worker-thread entry: entity extraction, so that tagging a long article (minutes
// for millions of words) never holds up the main process. Bundled as its own entry.
import { parentPort, workerData } from 'node:worker_threads';
import type { Entity } from '../model/contract';
import { extractEntities } from './extract-entities';
import { setNerModelPath } from './ner/model-loader';

export interface EntityRequest {
  id: number;
  text: string;
  referenceDate: string | null;
}

export type EntityReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; entities: Entity[] }
  | { type: 'failed'; id: number; message: string };

const port = parentPort;
if (port) {
  const modelPath = (workerData as { modelPath?: string } | null)?.modelPath;
  if (modelPath) setNerModelPath(modelPath);
  port.on('message', (request: EntityRequest) => {
    let reply: EntityReply;
    try {
      reply = { type: 'done', id: request.id, entities: extractEntities(request.text, request) };
    } catch (error) {
      reply = { type: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies EntityReply);
}
