// A slow import must not stall other requests: the importer runs in a worker
// thread, and browser mode's HTTP server keeps answering meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiResult, ArticleSummary, ImportOutcome } from '../model/contract';
import { startHttpServer, type RunningServer } from '../transport/http-server';
import { createGloss, type Gloss } from './composition';

let libraryDir: string;
let staticDir: string;
let gloss: Gloss;
let server: RunningServer;

async function call<T>(method: string, input: unknown): Promise<{ result: ApiResult<T>; ms: number }> {
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as ApiResult<T>;
  return { result, ms: Date.now() - started };
}

beforeAll(async () => {
  libraryDir = await mkdtemp(join(tmpdir(), 'gloss-offloop-'));
  staticDir = await mkdtemp(join(tmpdir(), 'gloss-offloop-static-'));
  gloss = await createGloss({ libraryDir, importTimeoutMs: 1500 });
  server = await startHttpServer({ api: gloss.api, staticDir, port: 0, token: 'tok' });
});

afterAll(async () => {
  await server.close();
  await gloss.close();
  await rm(libraryDir, { recursive: true, force: true });
  await rm(staticDir, { recursive: true, force: true });
});

describe('imports off the event loop', () => {
  it('answers listArticles promptly while a slow import runs, then refuses the slow file by name', async () => {
    const warm = await call<ImportOutcome>('importPaste', { text: 'A short note about the harbour ferry.' });
    expect(warm.result.ok).toBe(true);

    // Several seconds of parsing and sanitizing 300,000 elements when run in-process.
    const slow = Buffer.from(
      `<!doctype html><title>Wide</title><body><p>${'<i>word</i> '.repeat(300_000)}</p></body>`,
    ).toString('base64');
    const sent = Date.now();
    let settled = false;
    const importing = call<ImportOutcome[]>('importFiles', { files: [{ name: 'wide.html', dataBase64: slow }] });
    void importing.finally(() => {
      settled = true;
    });
    // Client and server share this process: a late timer means the event loop was blocked.
    await new Promise((done) => setTimeout(done, 300));
    expect(Date.now() - sent).toBeLessThan(800);

    const latencies: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const listed = await call<ArticleSummary[]>('listArticles', {});
      expect(listed.result.ok && listed.result.value).toHaveLength(1);
      latencies.push(listed.ms);
    }
    expect(Math.max(...latencies)).toBeLessThan(500);
    expect(settled).toBe(false);

    const { result } = await importing;
    expect(result.ok).toBe(true);
    const [outcome] = result.ok ? result.value : [];
    expect(outcome).toEqual({
      status: 'rejected',
      name: 'wide.html',
      error: {
        code: 'unsupported_file',
        message: '"wide.html" took too long to read (over 1.5 s); it may be malformed. Nothing was imported.',
      },
    });
    const after = await call<ArticleSummary[]>('listArticles', {});
    expect(after.result.ok && after.result.value).toHaveLength(1);
  });
});
