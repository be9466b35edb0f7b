// The desktop app end to end, through the real preload and IPC. What these
// check beyond tests/unit/electron-hardening.test.ts: the options Electron
// actually applied, the CSP header served by app://, that no request leaves the
// machine, that the preload exposes one function and no Node, and the single
// instance lock.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type {} from '../../preload/bridge';

const root = resolve(import.meta.dirname, '..', '..');
let app: ElectronApplication;
let library: string;

test.beforeEach(async () => {
  library = await mkdtemp(join(tmpdir(), 'gloss-electron-'));
  app = await electron.launch({ args: [root, '--library', library], env: { ...process.env, GLOSS_LIBRARY: library } });
});

test.afterEach(async () => {
  await app.close();
  await rm(library, { recursive: true, force: true });
});

test('opens the welcome article in a sandboxed, isolated window without Node', async () => {
  const page = await app.firstWindow();
  await expect(page.getByRole('list', { name: 'Articles' })).toBeVisible();
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    // getLastWebPreferences reports what Electron applied, not what we asked for.
    return (contents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
  });
  expect(prefs).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    webviewTag: false,
  });
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys(window.glossBridge ?? {}).sort())).toEqual(['invoke', 'pathForFile']);
  expect(page.url()).toMatch(/^app:\/\/gloss\//);
});

test('a hostile article makes no request and cannot navigate the window', async () => {
  const page = await app.firstWindow();
  const offline: string[] = [];
  page.on('request', (r) => {
    if (!/^(app|data|blob):/.test(r.url())) offline.push(r.url());
  });
  // The native dialog cannot be driven; import through the bridge the renderer uses.
  await page.evaluate(async (html) => {
    await window.glossBridge!.invoke('importFiles', { files: [{ name: 'hostile.html', dataBase64: btoa(html) }] });
  }, '<title>Hostile</title><p>Text <img src="https://tracker.example/p.gif"> <a href="https://evil.example">link</a></p><script>alert(1)</script>');
  await page.reload();
  await page.getByRole('list', { name: 'Articles' }).getByRole('button', { name: 'Hostile' }).click();
  await page.getByRole('link', { name: 'link' }).click();
  await expect(page.getByRole('dialog', { name: /Open this link/ })).toBeVisible();
  expect(offline).toEqual([]);
  expect(page.url()).toMatch(/^app:\/\/gloss\//);
});

test('IPC refuses unknown operations and malformed input', async () => {
  const page = await app.firstWindow();
  const results = await page.evaluate(async () => [
    await window.glossBridge!.invoke('nope', {}),
    await window.glossBridge!.invoke('getArticle', { id: '../../etc/passwd' }),
    await window.glossBridge!.invoke('getArticle', 'x'),
  ]);
  for (const r of results) expect(r).toMatchObject({ ok: false });
});

test('a second instance does not start a second writer', async () => {
  await app.firstWindow();
  const second = await electron.launch({ args: [root, '--library', library] }).catch(() => null);
  if (second) {
    // The single-instance lock makes the second process quit at once.
    await expect.poll(() => second.windows().length, { timeout: 5000 }).toBe(0);
    await second.close().catch(() => {});
  }
});
