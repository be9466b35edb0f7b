// Builds the renderer when out/renderer is missing or older than its sources,
// so `npm run bench` measures the code in the working tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export function ensureBuild(repo: string): 'fresh' | 'built' {
  const index = join(repo, 'out', 'renderer', 'index.html');
  const sources = Math.max(
    newestMtime(join(repo, 'renderer')),
    // The renderer imports nothing of main/ but the model layer.
    newestMtime(join(repo, 'main', 'model')),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return 'fresh';
  console.log('Building the renderer (electron-vite build)…');
  const result = spawnSync(
    process.execPath,
    [join(repo, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: repo,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error('electron-vite build failed; run `npx electron-vite build` to see why.');
  return 'built';
}
