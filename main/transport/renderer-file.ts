import { readFile, realpath, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';

/** The real path of the renderer folder, resolved once per folder. */
const realRoots = new Map<string, Promise<string | null>>();

function realRoot(dir: string): Promise<string | null> {
  let p = realRoots.get(dir);
  if (!p) {
    p = realpath(dir).catch(() => null);
    realRoots.set(dir, p);
  }
  return p;
}

/**
 * The file of the built renderer a URL path names, or null when there is none
 * or the path would leave the renderer folder — by name (`..`) or by a symbolic
 * link pointing outside it: the file's real path must lie inside the folder's.
 * Shared by the app:// protocol and the browser-mode server, so both confine paths the same way.
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
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  const file = join(rendererDir, relative);
  if (!file.startsWith(rendererDir + sep)) return null;
  try {
    const root = await realRoot(rendererDir);
    const real = await realpath(file);
    if (!root || !real.startsWith(root + sep)) return null;
    if (!(await stat(real)).isFile()) return null;
    return { file, bytes: await readFile(real) };
  } catch {
    return null;
  }
}
