// An article's PDF on its way to pdf.js: the bytes from the API and pdf.js itself (its code and its
// worker) load side by side, and the whole can be dropped at any point.
import type { GlossApi } from '../../../main/model/contract';
import { decodeBase64 } from './base64';
import { openPdf, preloadPdfJs, type PdfDocument } from './pdfjs';

export interface PdfLoad {
  promise: Promise<PdfDocument>;
  /** Closes the document (or stops it opening); the promise then never matters again. */
  destroy: () => void;
}

export function startPdfLoad(api: GlossApi, articleId: string): PdfLoad {
  let destroyed = false;
  let close: (() => Promise<void>) | null = null;
  preloadPdfJs();
  const promise = api.getPdfSource({ id: articleId }).then(async (source) => {
    performance.mark('gloss:pdf-source');
    if (destroyed) throw new Error('closed');
    const task = await openPdf(decodeBase64(source.dataBase64));
    close = () => task.destroy();
    if (destroyed) void close();
    const pdf = await task.promise;
    performance.mark('gloss:pdf-opened');
    return pdf;
  });
  // A load dropped before it ends is nobody's error.
  promise.catch(() => undefined);
  return {
    promise,
    destroy: () => {
      destroyed = true;
      void close?.();
    },
  };
}
