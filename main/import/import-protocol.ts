import type { ErrorCode } from '../model/contract';
import type { ImportedDocument, ImportFileInput } from './import-document';

export interface PasteInput {
  text?: string;
  html?: string;
}

/** What the main thread asks the import worker to do. */
export type ImportRequest =
  { id: number; kind: 'document'; input: ImportFileInput } | { id: number; kind: 'paste'; input: PasteInput };

/** Errors cross the thread as plain data: a class instance would arrive as a bare Error. */
export type WorkerError =
  { app: true; code: ErrorCode; message: string } | { app: false; message: string; stack?: string };

/** What the import worker answers; `ready` is sent once its modules have loaded. */
export type ImportReply =
  | { type: 'ready' }
  | { type: 'done'; id: number; doc: ImportedDocument }
  | { type: 'failed'; id: number; error: WorkerError };
