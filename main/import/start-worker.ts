import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// Under tsx/Vitest this module is the .ts source and the worker must be compiled
// on the fly; Node 20's loader hooks do not reach worker threads (tsx skips
// registering there), so a tiny eval'd bootstrap loads the .ts entry through
// tsx's own API. In the Electron bundle this module is inlined into
// out/main/index.js and each worker is a sibling bundle (out/main/import-worker.js,
// out/main/entity-worker.js).
const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));`;

function tsxApiUrl(from: string): string {
  const pkg = createRequire(from).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(pkg), 'dist', 'esm', 'api', 'index.mjs')).href;
}

/**
 * Starts the worker entry `name` (e.g. 'import-worker') that sits beside the module at `moduleUrl`
 * (its caller's import.meta.url), with `data` as its workerData. Throws when there is none to start.
 */
export function startWorker(name: string, moduleUrl: string, data: Record<string, unknown> = {}): Worker {
  const here = fileURLToPath(moduleUrl);
  const dir = dirname(here);
  if (here.endsWith('.ts')) {
    const entry = pathToFileURL(join(dir, `${name}.ts`)).href;
    return new Worker(BOOTSTRAP, { eval: true, workerData: { ...data, tsxApi: tsxApiUrl(moduleUrl), entry } });
  }
  // Bundled code may sit in a chunks/ folder below the entries.
  const bundled = [join(dir, `${name}.js`), join(dir, '..', `${name}.js`)].find((p) => existsSync(p));
  if (!bundled) throw new Error(`no ${name}.js beside ${here}`);
  return new Worker(pathToFileURL(bundled), { workerData: data });
}

/** Starts the import worker next to this module. */
export function startImportWorker(moduleUrl: string = import.meta.url): Worker {
  return startWorker('import-worker', moduleUrl);
}
