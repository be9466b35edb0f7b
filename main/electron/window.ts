import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from './protocol';
import { SECURE_WEB_PREFERENCES, lockDownContents } from './security';

export function createMainWindow(preloadDir: string, devTools = false): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Gloss',
    show: false,
    backgroundColor: '#fbfaf7',
    webPreferences: { ...SECURE_WEB_PREFERENCES, devTools, preload: join(preloadDir, 'index.cjs') },
  });
  lockDownContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
