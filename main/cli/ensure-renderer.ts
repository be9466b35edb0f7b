import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot, rendererDir } from '../app/paths';

/** Browser mode serves the built renderer; build it once if this checkout never has. */
export function ensureRendererBuilt(): void {
  if (existsSync(join(rendererDir(), 'index.html'))) return;
  console.log('Building the Gloss interface (first run only)…');
  const result = spawnSync(
    process.execPath,
    [join(appRoot(), 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: appRoot(),
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('Building the interface failed; run `npm run build` to see why.');
}
