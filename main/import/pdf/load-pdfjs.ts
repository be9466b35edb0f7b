// pdf.js, loaded on first use and set up to read local bytes only: no network, no font loading,
// no eval, no document scripts (scripting is off unless a viewer turns it on; we never do).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfLoadingTask = ReturnType<PdfJs['getDocument']>;

let loaded: Promise<PdfJs> | null = null;

/** The pdfjs-dist folder on disk. Its standard fonts and CMaps are read with fs, by path. */
function pdfjsRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

async function load(): Promise<PdfJs> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // In Node pdf.js runs its worker in this thread ("fake worker"), importing workerSrc; the default
  // is relative to pdf.mjs, which a bundler may move, so it is pinned to the installed file.
  pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(join(pdfjsRoot(), 'legacy', 'build', 'pdf.worker.mjs')).href;
  return pdfjs;
}

function pdfjs(): Promise<PdfJs> {
  loaded ??= load().catch((e: unknown) => {
    loaded = null;
    throw e;
  });
  return loaded;
}

/** Starts parsing `bytes` (a copy: pdf.js takes ownership of the buffer it is given). */
export async function openPdf(bytes: Uint8Array): Promise<PdfLoadingTask> {
  const lib = await pdfjs();
  const root = pdfjsRoot();
  return lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // Node's factories read these with fs.readFile(base + name): plain paths, not file: URLs, and
    // pdf.js insists on the trailing slash.
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    wasmUrl: join(root, 'wasm') + '/',
    iccUrl: join(root, 'iccs') + '/',
    verbosity: lib.VerbosityLevel.ERRORS,
  });
}
