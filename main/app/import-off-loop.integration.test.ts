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

  it('stops an import on request, and refuses the rest of its batch, even a file sent after the stop', async () => {
    const slow = Buffer.from(
      `<!doctype html><title>Wide</title><body><p>${'<b>word</b> '.repeat(300_000)}</p></body>`,
    ).toString('base64');
    const importing = call<ImportOutcome[]>('importFiles', {
      files: [{ name: 'wide2.html', dataBase64: slow }],
      batch: 'b1',
    });
    await new Promise((done) => setTimeout(done, 300));
    expect((await call('cancelImports', { batch: 'b1' })).result.ok).toBe(true);
    const { result } = await importing;
    // Stopped, not run until the 1.5 s limit ended it ('unsupported_file', as in the test above).
    expect(result.ok && result.value[0]).toMatchObject({ status: 'rejected', error: { code: 'cancelled' } });

    const late = await call<ImportOutcome[]>('importFiles', {
      files: [{ name: 'late.txt', dataBase64: Buffer.from('A late note about the tide.').toString('base64') }],
      batch: 'b1',
    });
    expect(late.result.ok && late.result.value[0]).toMatchObject({ status: 'rejected', error: { code: 'cancelled' } });
    const next = await call<ImportOutcome[]>('importFiles', {
      files: [{ name: 'next.txt', dataBase64: Buffer.from('The next note, about the lock gates.').toString('base64') }],
      batch: 'b2',
    });
    expect(next.result.ok && next.result.value[0]).toMatchObject({ status: 'imported' });
    const listed = await call<ArticleSummary[]>('listArticles', {});
    const titles = listed.result.ok ? listed.result.value.map((a) => a.title) : [];
    expect(titles.some((t) => /wide|late/i.test(t))).toBe(false);
  });
});
