import * as fsp from 'node:fs/promises';

/**
 * The file operations the store uses. Tests replace single members to simulate
 * a full disk or a read-only folder, which chmod cannot do when running as root.
 */
export interface StoreFs {
  open: typeof fsp.open;
  readFile: typeof fsp.readFile;
  rename: typeof fsp.rename;
  stat: typeof fsp.stat;
  readdir: typeof fsp.readdir;
  mkdir: typeof fsp.mkdir;
  unlink: typeof fsp.unlink;
  rm: typeof fsp.rm;
  copyFile: typeof fsp.copyFile;
}

export const nodeFs: StoreFs = {
  open: fsp.open,
  readFile: fsp.readFile,
  rename: fsp.rename,
  stat: fsp.stat,
  readdir: fsp.readdir,
  mkdir: fsp.mkdir,
  unlink: fsp.unlink,
  rm: fsp.rm,
  copyFile: fsp.copyFile,
};

export function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Errors that mean "this folder cannot be written", as opposed to a transient failure. */
export function isNotWritableError(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

export function describeFsError(e: unknown): string {
  switch (errorCode(e)) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    case 'EACCES':
    case 'EPERM':
      return 'permission was denied';
    case 'EROFS':
      return 'the folder is read-only';
    case 'ENOENT':
      return 'the folder no longer exists';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
