import type { ApiResult } from '../../main/model/contract';

/** Sends one call to the main process and returns its result envelope. */
export type Transport = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

export function ipcTransport(bridge: NonNullable<Window['glossBridge']>): Transport {
  return async (method, input) => (await bridge.invoke(method, input)) as ApiResult<unknown>;
}

export function httpTransport(baseUrl: string, token: string): Transport {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: 'Gloss is not running any more: restart it with `npm run serve`.' },
      };
    }
    if (response.status === 401 || response.status === 403) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'This page is not authorised: open the full address `npm run serve` printed.',
        },
      };
    }
    return (await response.json()) as ApiResult<unknown>;
  };
}

/** Electron when the preload bridge is present, else the browser-mode server this page came from. */
export function pickTransport(): Transport {
  if (window.glossBridge) return ipcTransport(window.glossBridge);
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem('gloss-token', fromHash);
    // Keep the token out of history and screenshots.
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? sessionStorage.getItem('gloss-token') ?? '';
  return httpTransport(window.location.origin, token);
}
