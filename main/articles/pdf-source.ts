// The source PDF of an article, for the reader to draw its pages with pdf.js. Only what Gloss
// itself imported as a PDF is handed out, and only within the import limit (a source swapped for
// something larger in the folder is refused, not shipped whole to the renderer).
import type { ArticleSummary, PdfSource } from '../model/contract';
import { AppError } from '../model/errors';
import { MAX_IMPORT_BYTES } from '../import/import-limits';
import type { LibraryStore } from '../storage/store-types';

/** The PDF `%PDF-` signature, which pdf.js also looks for (it may follow a little junk). */
const SIGNATURE = '%PDF-';

export async function pdfSource(store: LibraryStore, summary: ArticleSummary): Promise<PdfSource> {
  const title = `"${summary.title}"`;
  if (summary.format !== 'pdf') throw new AppError('unsupported_file', `${title} was not imported from a PDF.`);
  const { bytes, ext } = await store.readSource(summary.id);
  if (ext !== 'pdf') throw new AppError('not_found', `The PDF of ${title} is missing from the library folder.`);
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError('too_large', `The PDF of ${title} in the library folder is larger than Gloss imports.`);
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes(SIGNATURE)) {
    throw new AppError('unsupported_file', `The PDF of ${title} in the library folder is not a PDF any more.`);
  }
  return { dataBase64: Buffer.from(bytes).toString('base64'), byteLength: bytes.length };
}
