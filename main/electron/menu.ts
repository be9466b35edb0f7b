import { Menu, type MenuItemConstructorOptions } from 'electron';

/** DevTools only in development (`npm run dev`, an unpackaged app) or when GLOSS_DEVTOOLS=1 asks for them. */
export function devToolsAllowed(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return !isPackaged || env.GLOSS_DEVTOOLS === '1';
}

/**
 * The application menu: editing, zoom, full screen and the window, and — only
 * when DevTools are allowed — reload and DevTools (Electron's default menu
 * offers both to anyone).
 */
export function menuTemplate(isMac: boolean, devTools: boolean): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(isMac
      ? [{ role: 'appMenu' } as MenuItemConstructorOptions]
      : [{ role: 'fileMenu' } as MenuItemConstructorOptions]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}

export function installMenu(isPackaged: boolean): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', devToolsAllowed(isPackaged))),
  );
}
