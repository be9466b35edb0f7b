import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** pdf.js's data the renderer gives it by URL: the 14 standard fonts, CMaps, and its image decoders. */
const PDFJS_DATA = ['standard_fonts', 'cmaps', 'wasm'];
const PDFJS_ROOT = resolve('node_modules/pdfjs-dist');

/**
 * Ships pdf.js's data with the renderer, under pdfjs/<folder>/, so that no font or CMap is ever
 * fetched from anywhere but the app itself (renderer/features/pdf/pdfjs.ts names these URLs).
 */
function pdfjsData(): Plugin {
  return {
    name: 'gloss-pdfjs-data',
    generateBundle() {
      for (const folder of PDFJS_DATA) {
        for (const name of readdirSync(join(PDFJS_ROOT, folder))) {
          const fileName = `pdfjs/${folder}/${name}`;
          this.emitFile({ type: 'asset', fileName, source: readFileSync(join(PDFJS_ROOT, folder, name)) });
        }
      }
    },
    // `electron-vite dev` serves the same URLs from node_modules.
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/pdfjs\/([a-z_]+)\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0]!);
        if (!match || !PDFJS_DATA.includes(match[1]!)) return next();
        createReadStream(join(PDFJS_ROOT, match[1]!, match[2]!))
          .on('error', () => next())
          .pipe(res);
      });
    },
  };
}

// No src/ folder, so every entry is named explicitly. One renderer build serves
// both the Electron window and browser mode; it picks its transport at start.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The importer and the entity extractor run in worker threads, which need files of their own.
      rollupOptions: {
        input: {
          index: resolve('main/index.ts'),
          // The command line, built so `npm run gloss` starts without transpiling (main/cli/launch.mjs).
          gloss: resolve('main/cli/gloss.ts'),
          'import-worker': resolve('main/import/import-worker.ts'),
          'entity-worker': resolve('main/entities/entity-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot be ES modules.
      rollupOptions: {
        input: { index: resolve('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [react(), pdfjsData()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
