import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';

/**
 * The file of the built renderer a URL path names, or null when there is none
 * or the path would leave the renderer folder. Shared by the app:// protocol
 * and the browser-mode server, so both confine paths the same way.
 */
export async function readRendererFile(
  rendererDir: string,
  pathname: string,
): Promise<{ file: string; bytes: Buffer } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  const file = join(rendererDir, relative);
  if (!file.startsWith(rendererDir + sep)) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
    return { file, bytes: await readFile(file) };
  } catch {
    return null;
  }
}
