import { IMPORT_EXTENSIONS, type IncomingFile } from '../../../main/model/contract';
import { pathOfFile } from '../../api/platform';

/**
 * The importer's size limit (main/import/import-limits.ts; a unit test keeps the
 * two equal). Checked here too, before reading: base64-encoding a 50 MB file
 * froze this window for seconds only for the server to refuse it.
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** The same sentence the importer uses for a file over the limit. */
export function tooLargeMessage(file: { name: string; size: number }): string | null {
  if (file.size <= MAX_IMPORT_BYTES) return null;
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return `"${file.name}" is ${mb(file.size)} MB; Gloss imports files up to ${mb(MAX_IMPORT_BYTES)} MB.`;
}

/** What the file picker offers; the importer decides for itself whatever arrives by drag and drop. */
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.map((ext) => `.${ext}`).join(',');

/** Reads a File to base64 without building a giant binary string (FileReader does it natively). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export async function toIncomingFile(file: File): Promise<IncomingFile> {
  const incoming: IncomingFile = { name: file.name, dataBase64: await readAsBase64(file) };
  // Electron knows where a dropped file lives; the path becomes the article's source.
  const path = pathOfFile(file);
  if (path) incoming.path = path;
  return incoming;
}
