import { protocol, session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../transport/content-security-policy';
import { contentTypeOf } from '../transport/content-types';
import { readRendererFile } from '../transport/renderer-file';

export const APP_SCHEME = 'app';
export const APP_HOST = 'gloss';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from app://gloss/ instead of file://, with the CSP
 * as a header, and refuses any path that leaves the renderer folder.
 */
export function serveRenderer(rendererDir: string): void {
  session.defaultSession.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    // Read from disk here rather than through net.fetch(file:), so the app's own
    // files never depend on how the network lockdown treats file: URLs.
    const found = await readRendererFile(rendererDir, url.pathname);
    if (!found) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(found.bytes), {
      status: 200,
      headers: {
        'content-type': contentTypeOf(found.file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
