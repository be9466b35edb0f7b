import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { GlossApi } from '../model/contract';
import { dispatch } from '../api/dispatch';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { contentTypeOf } from './content-types';
import { readRendererFile } from './renderer-file';

export interface HttpServerOptions {
  api: GlossApi;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;

/**
 * Browser mode: the built renderer and the handler table over HTTP, bound to
 * 127.0.0.1 only. A random per-launch token guards the API and the Host check
 * defeats DNS rebinding; the page reads the token from the URL's #fragment,
 * which never reaches the server logs or a Referer.
 */
export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  let port = options.port;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Gloss: request failed', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 421, 'text/plain; charset=utf-8', 'Gloss only answers on 127.0.0.1.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      // Method names are plain identifiers: no decoding needed, and a stray % cannot throw.
      await handleApi(req, res, url.pathname.slice(5));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    await serveStatic(res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    const auth = Buffer.from(req.headers.authorization ?? '');
    if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) {
      send(res, 401, 'text/plain; charset=utf-8', 'Missing or wrong token');
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      send(res, 415, 'text/plain; charset=utf-8', 'Expected JSON');
      return;
    }
    const body = await readBody(req);
    if (body === null) {
      sendJson(res, 413, { ok: false, error: { code: 'too_large', message: 'That request is too large.' } });
      return;
    }
    let input: unknown;
    try {
      input = JSON.parse(body);
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request was not valid JSON.' } });
      return;
    }
    sendJson(res, 200, await dispatch(options.api, method, input));
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const found = await readRendererFile(options.staticDir, pathname);
    if (!found) send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    else send(res, 200, contentTypeOf(found.file), found.bytes);
  }

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : options.port;
      server.off('error', reject);
      resolvePromise({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}
