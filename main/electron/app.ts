import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveLibraryDir } from '../app/config';
import { createGloss, WARM_SEARCH_MS, type Gloss } from '../app/composition';
import { rendererDir } from '../app/paths';
import { IMPORT_EXTENSIONS } from '../model/contract';
import { userMessage } from '../model/errors';
import type { Platform } from '../settings/platform';
import { serveOverIpc } from './ipc';
import { devToolsAllowed, installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { lockDownContents, lockDownSession, openExternalSafely } from './security';
import { createMainWindow } from './window';

const IMPORTABLE = [{ name: 'Articles and books', extensions: [...IMPORT_EXTENSIONS] }];

export function startDesktopApp(): void {
  app.setName('Gloss');
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  let window: BrowserWindow | null = null;
  let gloss: Gloss | null = null;

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents: WebContents) => lockDownContents(contents));

  const platform: Platform = {
    nativeDialogs: true,
    pickFiles: async () => {
      const result = await dialog.showOpenDialog({ properties: ['openFile', 'multiSelections'], filters: IMPORTABLE });
      return result.canceled ? [] : result.filePaths;
    },
    saveFile: async (suggestedName) => {
      const result = await dialog.showSaveDialog({
        defaultPath: suggestedName,
        filters: [{ name: 'Markdown', extensions: ['md'] }],
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    pickFolder: async () => {
      const result = await dialog.showOpenDialog({
        title: 'Export as vault',
        buttonLabel: 'Export here',
        properties: ['openDirectory', 'createDirectory'],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    openExternal: openExternalSafely,
  };

  app.whenReady().then(async () => {
    lockDownSession();
    installMenu(app.isPackaged);
    serveRenderer(rendererDir());
    const libraryDir = resolveLibraryDir({ argv: process.argv, userDataDir: app.getPath('userData') });
    try {
      gloss = await createGloss({ libraryDir, platform, welcome: true, warmSearchAfterMs: WARM_SEARCH_MS });
    } catch (error) {
      dialog.showErrorBox('Gloss cannot open its library', userMessage(error));
      app.exit(1);
      return;
    }
    serveOverIpc(gloss.api);
    window = createMainWindow(
      join(fileURLToPath(new URL('.', import.meta.url)), '..', 'preload'),
      devToolsAllowed(app.isPackaged),
    );
  });

  app.on('window-all-closed', () => app.quit());

  // Quitting waits for every pending write (lowdb#27: an async write is lost if the process exits first).
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !gloss) return;
    event.preventDefault();
    closing = true;
    void gloss.close().finally(() => app.quit());
  });
}
