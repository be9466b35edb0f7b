// Asserts the Electron hardening from the code that creates windows, sessions
// and handlers, with Electron replaced by recording fakes. What needs the real
// binary to check end to end is in tests/electron/ (npm run test:electron).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const recorded = vi.hoisted(() => ({
  windowOptions: [] as Array<Record<string, unknown>>,
  contentsHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  windowOpenHandler: null as null | (() => unknown),
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (allow: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  protocolHandler: null as null | ((request: Request) => Promise<Response>),
  sessionHandlers: new Map<string, (...args: unknown[]) => unknown>(),
  menu: null as unknown,
}));

vi.mock('electron', () => {
  const webContents = {
    on: (event: string, handler: (...args: unknown[]) => unknown) => recorded.contentsHandlers.set(event, handler),
    setWindowOpenHandler: (handler: () => unknown) => (recorded.windowOpenHandler = handler),
  };
  class BrowserWindow {
    webContents = webContents;
    constructor(options: Record<string, unknown>) {
      recorded.windowOptions.push(options);
    }
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  }
  const session = {
    defaultSession: {
      webRequest: { onBeforeRequest: (fn: typeof recorded.beforeRequest) => (recorded.beforeRequest = fn) },
      setPermissionRequestHandler: (fn: typeof recorded.permissionRequest) => (recorded.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof recorded.permissionCheck) => (recorded.permissionCheck = fn),
      protocol: { handle: (_scheme: string, fn: typeof recorded.protocolHandler) => (recorded.protocolHandler = fn) },
      on: (event: string, handler: (...args: unknown[]) => unknown) => recorded.sessionHandlers.set(event, handler),
    },
  };
  return {
    BrowserWindow,
    session,
    shell: { openExternal: vi.fn() },
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => unknown) => recorded.ipcHandlers.set(channel, fn),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn() },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => (recorded.menu = menu),
    },
  };
});

const { SECURE_WEB_PREFERENCES, lockDownSession, openExternalSafely } = await import('../../main/electron/security');
const { createMainWindow } = await import('../../main/electron/window');
const { serveOverIpc } = await import('../../main/electron/ipc');
const { serveRenderer } = await import('../../main/electron/protocol');
const { devToolsAllowed, installMenu } = await import('../../main/electron/menu');
const electron = await import('electron');

describe('Electron hardening', () => {
  beforeEach(() => {
    recorded.windowOptions.length = 0;
    recorded.contentsHandlers.clear();
  });

  it('creates windows isolated, sandboxed, without Node and without webviews', () => {
    createMainWindow('/app/out/preload');
    const prefs = recorded.windowOptions[0]?.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(prefs).toMatchObject(SECURE_WEB_PREFERENCES);
  });

  it('denies navigation, redirects, webviews and new windows', () => {
    createMainWindow('/app/out/preload');
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      recorded.contentsHandlers.get(event)?.({ preventDefault });
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(recorded.windowOpenHandler?.()).toEqual({ action: 'deny' });
  });

  it('cancels every request that is not local (app:, data:, blob:) and denies every permission', () => {
    lockDownSession();
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      recorded.beforeRequest?.({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    for (const url of ['app://gloss/index.html', 'data:image/png;base64,AAAA', 'blob:app://gloss/1234']) {
      expect(verdict(url), url).toBe(false);
    }
    for (const url of [
      'https://tracker.example/p.gif',
      'http://127.0.0.1:1/',
      'file:///etc/passwd',
      'ws://x',
      'ftp://x/y',
      'HTTPS://X/',
    ]) {
      expect(verdict(url), url).toBe(true);
    }
    let allowed: boolean | undefined;
    recorded.permissionRequest?.({}, 'media', (allow) => (allowed = allow));
    expect(allowed).toBe(false);
    expect(recorded.permissionCheck?.()).toBe(false);
  });

  it('refuses every download a page starts', () => {
    lockDownSession();
    const preventDefault = vi.fn();
    const cancel = vi.fn();
    recorded.sessionHandlers.get('will-download')?.({ preventDefault }, { cancel });
    expect(preventDefault).toHaveBeenCalled();
    expect(cancel).toHaveBeenCalled();
  });

  it('a packaged build has no DevTools: not in the window, not in the menu, unless GLOSS_DEVTOOLS=1', () => {
    expect(devToolsAllowed(true, {})).toBe(false);
    expect(devToolsAllowed(true, { GLOSS_DEVTOOLS: '1' })).toBe(true);
    expect(devToolsAllowed(false, {})).toBe(true);
    createMainWindow('/app/out/preload', devToolsAllowed(true, {}));
    expect(recorded.windowOptions[0]?.webPreferences).toMatchObject({ devTools: false });
    installMenu(true);
    const roles = JSON.stringify((recorded.menu as { template: unknown }).template);
    expect(roles).toContain('editMenu');
    expect(roles).not.toMatch(/toggleDevTools|reload|forceReload/);
  });

  it('answers IPC only from the app origin, and validates through dispatch', async () => {
    const api = { listArticles: async () => ['a'] } as never;
    serveOverIpc(api);
    const handler = [...recorded.ipcHandlers.values()][0]!;
    const from = (url: string | undefined) => ({ senderFrame: url === undefined ? null : { url } });
    expect(await handler(from('app://gloss/index.html'), 'listArticles', {})).toEqual({ ok: true, value: ['a'] });
    for (const url of ['https://evil.example/', 'file:///x', undefined]) {
      expect(await handler(from(url), 'listArticles', {}), String(url)).toMatchObject({ ok: false });
    }
    expect(await handler(from('app://gloss/'), 'listArticles', 'not an object')).toMatchObject({ ok: false });
  });

  it('serves the renderer from app://gloss with a CSP and refuses paths outside it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gloss-app-'));
    const renderer = join(dir, 'renderer');
    await mkdir(renderer);
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Gloss</title>');
    await writeFile(join(dir, 'secret.txt'), 'not for the page');
    serveRenderer(renderer);
    const ok = await recorded.protocolHandler!(new Request('app://gloss/index.html'));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<title>Gloss</title>');
    expect(ok.headers.get('content-type')).toContain('text/html');
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const url of [
      'app://gloss/..%2fsecret.txt',
      'app://gloss/%2e%2e/secret.txt',
      'app://gloss/..%5csecret.txt',
      'app://other/index.html',
      'app://gloss/%E0%A4%A',
    ]) {
      const res = await recorded.protocolHandler!(new Request(url));
      expect(res.status, url).toBe(404);
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('opens only https: and mailto: links externally', async () => {
    const open = vi.mocked(electron.shell.openExternal);
    open.mockClear();
    await openExternalSafely('https://example.org/a');
    await openExternalSafely('mailto:a@example.org');
    await openExternalSafely('file:///etc/passwd');
    await openExternalSafely('javascript:alert(1)');
    expect(open.mock.calls.map((c) => c[0])).toEqual(['https://example.org/a', 'mailto:a@example.org']);
  });
});
