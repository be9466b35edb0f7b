import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { API_CHANNEL, type GlossApi } from '../model/contract';
import { dispatch } from '../api/dispatch';
import { APP_HOST, APP_SCHEME } from './protocol';

/** The IPC transport: one channel, the method name travels as data. */
export function serveOverIpc(api: GlossApi): void {
  ipcMain.handle(API_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isFromApp(event)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Refused a call from outside Gloss.' } };
    }
    return dispatch(api, method, input);
  });
}

function isFromApp(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  if (!url) return false;
  try {
    // Compare scheme and host: URL.origin is "null" for custom schemes outside Electron.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
