// pdf.js in the renderer: the modern build (Chromium runs it as it is; the legacy build is for
// Node and old browsers), loaded on first use so other articles never pay for it. Set up to draw
// local bytes only: its worker is a file of the app (bundled by Vite), its standard fonts and
// CMaps are the app's own (electron.vite.config.ts copies them to pdfjs/), no eval, no XFA, no
// system fonts; document scripts never run (pdf.js runs none unless a viewer wires up its
// scripting sandbox, which Gloss does not ship).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

type PdfJs = typeof import('pdfjs-dist');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

let loaded: Promise<PdfJs> | null = null;

/** Starts loading pdf.js and its worker (a PDF is about to open); opening later waits for it. */
export function preloadPdfJs(): void {
  void pdfjs().catch(() => undefined);
}

function pdfjs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist').then(
    (lib) => {
      // One worker for every document the reader opens, started from the app's own file.
      lib.GlobalWorkerOptions.workerPort = new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
      return lib;
    },
    (e: unknown) => {
      loaded = null;
      throw e;
    },
  );
  return loaded;
}

/** The app's copy of a pdf.js data folder, as the URL pdf.js wants (with its trailing slash). */
function dataUrl(folder: string): string {
  return new URL(`pdfjs/${folder}/`, document.baseURI).href;
}

/** Opens the PDF `bytes` (pdf.js takes the buffer over). Destroy the loading task to close it. */
export async function openPdf(bytes: Uint8Array): Promise<ReturnType<PdfJs['getDocument']>> {
  const lib = await pdfjs();
  return lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    standardFontDataUrl: dataUrl('standard_fonts'),
    cMapUrl: dataUrl('cmaps'),
    cMapPacked: true,
    wasmUrl: dataUrl('wasm'),
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
}
