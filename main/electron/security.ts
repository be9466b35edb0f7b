import { session, shell, type WebContents } from 'electron';
import { APP_SCHEME } from './protocol';

/** The window options every Gloss window is created with (asserted by tests/unit/electron-hardening.test.ts). */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: false,
} as const;

// Schemes that never touch the network: the app itself, images embedded in an
// article (data:), and files the page makes for download (blob:).
const LOCAL_SCHEMES = new Set([APP_SCHEME, 'data', 'blob', 'devtools']);

/** No network, no permissions: every request that is not local is cancelled. */
export function lockDownSession(): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    const scheme = details.url.split(':', 1)[0]?.toLowerCase() ?? '';
    callback({ cancel: !LOCAL_SCHEMES.has(scheme) });
  });
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  // Gloss saves files only through its own save dialog: a download a page starts is refused.
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
  ses.setPermissionCheckHandler(() => false);
}

/** Navigation, new windows and webviews are refused; links go through openExternal after the user confirms. */
export function lockDownContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export async function openExternalSafely(url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'mailto:') return;
  await shell.openExternal(parsed.href);
}
