import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GlossApi } from '../model/contract';
import { startHttpServer, type RunningServer } from './http-server';

let server: RunningServer;
let staticDir: string;

const api = {
  listArticles: async () => [{ id: 'a1' }],
} as unknown as GlossApi;

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'gloss-static-'));
  await mkdir(join(staticDir, 'assets'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Gloss</title>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(staticDir, '..', 'secret.txt'), 'do not serve');
  server = await startHttpServer({ api, staticDir, port: 0, token: 'tok' });
});

afterAll(async () => {
  await server.close();
  await rm(staticDir, { recursive: true, force: true });
  await rm(join(staticDir, '..', 'secret.txt'), { force: true });
});

/** A raw request, so the Host header and path are exactly what we say. */
function raw(options: {
  path: string;
  method?: string;
  host?: string;
  headers?: Record<string, string>;
  body?: string;
}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: options.host ?? `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

const call = (method: string, body: string, headers: Record<string, string> = {}) =>
  raw({
    path: `/api/${method}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer tok', ...headers },
    body,
  });

describe('browser-mode server', () => {
  it('prints a URL on 127.0.0.1 that carries the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=tok`);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await raw({ path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Gloss</title>');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
    expect((await raw({ path: '/assets/app.js' })).status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await raw({ path });
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('never follows a symbolic link out of the renderer folder (file or folder link)', async () => {
    const { symlink } = await import('node:fs/promises');
    await symlink(join(staticDir, '..', 'secret.txt'), join(staticDir, 'assets', 'linked.txt'));
    await symlink(join(staticDir, '..'), join(staticDir, 'up'));
    for (const path of ['/assets/linked.txt', `/up/secret.txt`]) {
      const res = await raw({ path });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('do not serve');
    }
    expect((await raw({ path: '/assets/app.js' })).status).toBe(200);
  });

  it('answers API calls with the token through the handler table', async () => {
    const res = await call('listArticles', '{}');
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: [{ id: 'a1' }] });
  });

  it('refuses API calls without the right token', async () => {
    expect((await call('listArticles', '{}', { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await call('listArticles', '{}', { authorization: '' })).status).toBe(401);
  });

  it('refuses requests for another Host (DNS rebinding)', async () => {
    expect((await raw({ path: '/', host: 'evil.example:80' })).status).toBe(421);
    expect((await call('listArticles', '{}', { host: `evil.example:${server.port}` })).status).toBe(421);
  });

  it('refuses a simple cross-site form post (not JSON)', async () => {
    expect((await call('listArticles', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('reports bad JSON and unknown methods as data', async () => {
    expect(JSON.parse((await call('listArticles', '{oops')).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(JSON.parse((await call('dropEverything', '{}')).body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
