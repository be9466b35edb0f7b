import { join } from 'node:path';

/** `gloss unlock`: removes `.lock` when the process it names is gone (or with --force, in any case). */
export async function unlockCommand(libraryDir: string, force: boolean): Promise<number> {
  const { readFile, unlink } = await import('node:fs/promises');
  const { describeHolder, holderIsLive, parseLock } = await import('../../storage/lock-file');
  const path = join(libraryDir, '.lock');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    console.log(`The library at ${libraryDir} is not locked.`);
    return 0;
  }
  const info = parseLock(text);
  if (holderIsLive(info, libraryDir) && !force) {
    console.error(
      `gloss: the lock is held by a running process (${describeHolder(info)}). If that is not Gloss, \`unlock --force\` removes the lock; never do so while Gloss has the library open.`,
    );
    return 1;
  }
  await unlink(path);
  console.log(`Removed the lock of ${describeHolder(info)} from ${libraryDir}.`);
  return 0;
}
