// `npm start`: the desktop app, or — where Electron cannot run here — a clear
// word about why, and browser mode in its place.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { appRoot } from '../app/paths';
import { userMessage } from '../model/errors';
import { serve } from './serve-command';

/** Where the electron package keeps (or will keep) its program. */
function electronPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

function installedElectron(dir: string): string | null {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function whyElectronCannotStart(): { reason: string } | { binary: string } {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  const dir = electronPackageDir();
  const ready = installedElectron(dir);
  if (ready) return { binary: ready };
  // Electron fetches its program on first launch. Run that fetch ourselves, quietly,
  // so that a failure reads as one sentence rather than the downloader's stack trace.
  console.log('Downloading the Electron program (first launch only)…');
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: dir, encoding: 'utf8' });
  const binary = installedElectron(dir);
  if (result.status === 0 && binary) return { binary };
  const detail = `${result.stderr ?? ''}`
    .split('\n')
    .find((line) => /error|failed/i.test(line))
    ?.trim();
  return {
    reason:
      'the Electron program is not installed and could not be downloaded (Electron fetches it on first launch, ' +
      `which needs internet access${detail ? `; the download said: ${detail}` : ''})`,
  };
}

function buildIfNeeded(): void {
  if (
    existsSync(join(appRoot(), 'out', 'main', 'index.js')) &&
    existsSync(join(appRoot(), 'out', 'renderer', 'index.html'))
  )
    return;
  console.log('Building Gloss (first run only)…');
  const cli = join(appRoot(), 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: appRoot(), stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The build failed; run `npm run build` to see why.');
}

function explainAndServe(reason: string): Promise<number> {
  console.log(
    `\nGloss cannot open its desktop window because ${reason}. ` +
      'Everything else works: Gloss will now run in browser mode instead, serving the same library ' +
      'on this machine only (127.0.0.1). Open the address printed below in any browser. ' +
      'You can start browser mode yourself with `npm run serve`, and the desktop app with `npm start` ' +
      'on a machine with a display and the Electron program installed.\n',
  );
  return serve(process.argv.slice(2));
}

async function main(): Promise<number> {
  buildIfNeeded();
  const check = whyElectronCannotStart();
  if ('reason' in check) return explainAndServe(check.reason);
  const child = spawn(check.binary, [appRoot(), ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const started = Date.now();
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
  // A crash within seconds of launch is Electron failing to start (missing system libraries, no GPU…).
  if (code !== 0 && Date.now() - started < 5000) {
    const firstLine = stderr.trim().split('\n')[0] ?? `it exited with code ${code}`;
    return explainAndServe(`Electron failed to start (${firstLine})`);
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`gloss: ${userMessage(error)}`);
    process.exit(1);
  },
);
