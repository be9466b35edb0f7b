import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const APP_NAME = 'Gloss';

/**
 * Electron's `userData` for an app named Gloss, computed without Electron so that
 * the CLI and browser mode open the same library as the desktop app.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** `--library DIR` wins over `GLOSS_LIBRARY`, which wins over `<userData>/library`. */
export function resolveLibraryDir(options: {
  argv: readonly string[];
  env?: NodeJS.ProcessEnv;
  userDataDir?: string;
}): string {
  const env = options.env ?? process.env;
  const fromArgs = readOption(options.argv, '--library');
  if (fromArgs) return resolve(fromArgs);
  if (env.GLOSS_LIBRARY) return resolve(env.GLOSS_LIBRARY);
  return join(options.userDataDir ?? defaultUserDataDir(env), 'library');
}

/** Reads `--name VALUE` or `--name=VALUE` from an argument list. */
export function readOption(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === name) return argv[i + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}
