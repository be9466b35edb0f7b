// `npm start` where Electron cannot run (no display here): one clear paragraph,
// then browser mode, and no stack trace.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

describe('npm start without a display', () => {
  it('explains why in one paragraph and serves browser mode instead', async () => {
    const library = await mkdtemp(join(tmpdir(), 'gloss-start-'));
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        join(root, 'main', 'cli', 'start.ts'),
        '--port',
        '0',
        '--library',
        library,
        '--no-welcome',
      ],
      { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no URL printed:\n${out}\n${err}`)), 100_000);
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(out);
        if (match) {
          clearTimeout(timer);
          done(match[0]);
        }
      });
    });
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    await rm(library, { recursive: true, force: true });

    expect(out).toMatch(/Gloss cannot open its desktop window because there is no graphical display here/);
    expect(out).toContain('npm run serve');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
    expect(`${out}${err}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
    // A clean checkout builds the app first, which takes a while on a small machine.
  }, 150_000);
});
