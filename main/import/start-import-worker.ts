import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// Under tsx/Vitest this module is the .ts source and the worker must be compiled
// on the fly; Node 20's loader hooks do not reach worker threads (tsx skips
// registering there), so a tiny eval'd bootstrap loads the .ts entry through
// tsx's own API. In the Electron bundle this module is inlined into
// out/main/index.js and the worker is the sibling bundle out/main/import-worker.js.
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));`;

function tsxApiUrl(from: string): string {
  const pkg = createRequire(from).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(pkg), 'dist', 'esm', 'api', 'index.mjs')).href;
}

/** Starts the import worker next to this module. Throws when there is none to start. */
export function startImportWorker(moduleUrl: string = import.meta.url): Worker {
  const here = fileURLToPath(moduleUrl);
  const dir = dirname(here);
  if (here.endsWith('.ts')) {
    const entry = pathToFileURL(join(dir, 'import-worker.ts')).href;
    return new Worker(BOOTSTRAP, { eval: true, workerData: { tsxApi: tsxApiUrl(moduleUrl), entry } });
  }
  // Bundled code may sit in a chunks/ folder below the entries.
  const bundled = [join(dir, 'import-worker.js'), join(dir, '..', 'import-worker.js')].find((p) => existsSync(p));
  if (!bundled) throw new Error(`no import-worker.js beside ${here}`);
  return new Worker(pathToFileURL(bundled));
}
