import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface GlossServer {
  url: string;
  origin: string;
  token: string;
  libraryDir: string;
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '..', '..');

/** Starts `serve` as a user would, on a free port, over a fresh temporary library. */
export async function startGlossServer(options: { welcome?: boolean; libraryDir?: string } = {}): Promise<GlossServer> {
  // A private parent, so that a test can check nothing was written beside the library.
  const parent = options.libraryDir ? undefined : await mkdtemp(join(tmpdir(), 'gloss-e2e-'));
  const libraryDir = options.libraryDir ?? join(parent ?? '', 'library');
  const args = [
    join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    join(root, 'main', 'cli', 'serve.ts'),
    '--port',
    '0',
    '--library',
    libraryDir,
    '--json',
  ];
  if (options.welcome === false) args.push('--no-welcome');
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const { url } = await readStartLine(child);
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
  return {
    url,
    origin: parsed.origin,
    token,
    libraryDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      if (parent) await rm(parent, { recursive: true, force: true });
    },
  };
}

function readStartLine(child: ChildProcess): Promise<{ url: string }> {
  return new Promise((resolveLine, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`gloss serve did not start:\n${out}\n${err}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        resolveLine(JSON.parse(line) as { url: string });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gloss serve exited with ${code}:\n${out}\n${err}`));
    });
  });
}

/** Calls the API directly, as the page does: for setting up data, not for asserting UI. */
export async function callApi<T>(server: GlossServer, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message ?? 'API call failed');
  return result.value as T;
}
