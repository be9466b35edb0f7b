import type { IncomingFile } from './contract';
import { AppError } from './errors';
import { requireString } from './validate';

/** The largest file the UI may send, as base64 (about 36 MB of file). */
const MAX_BASE64 = 48 * 1024 * 1024;

/** A file sent by the UI, checked at the door: its bare name and its bytes. */
export function decodeIncoming(file: IncomingFile): { name: string; bytes: Uint8Array } {
  if (typeof file !== 'object' || file === null) throw new AppError('invalid_input', 'A file is missing.');
  const name = requireString(file.name, 'The file name', 1024).split(/[\\/]/).pop() || 'Untitled';
  const data = requireString(file.dataBase64, `The contents of ${name}`, MAX_BASE64 + 16);
  if (data.length > MAX_BASE64) {
    throw new AppError('too_large', `${name} is too large to import.`);
  }
  return { name, bytes: new Uint8Array(Buffer.from(data, 'base64')) };
}
