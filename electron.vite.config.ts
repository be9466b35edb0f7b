import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

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
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
