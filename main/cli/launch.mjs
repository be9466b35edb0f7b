// `npm run gloss`: runs the built command line (out/main/gloss.js), which starts in a
// fraction of the time tsx needs to transpile it. When the build is missing or older
// than a source file in main/, it is built first (once), and the command then runs.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const built = join(root, 'out', 'main', 'gloss.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mjs)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

if (!existsSync(built) || statSync(built).mtimeMs < newestSource(join(root, 'main'))) {
  process.stderr.write('gloss: building the command line first (npm run build)…\n');
  const vite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  // The build's own output goes to stderr, so what the command prints on stdout stays clean.
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write('gloss: the build failed; see above.\n');
    process.exit(1);
  }
}

await import(pathToFileURL(built).href);
