import { readOption, resolveLibraryDir } from '../app/config';
import { createGloss, WARM_SEARCH_MS } from '../app/composition';
import { rendererDir } from '../app/paths';
import { startHttpServer } from '../transport/http-server';
import { ensureRendererBuilt } from './ensure-renderer';

/**
 * `npm run serve -- [--port N] [--library DIR] [--no-welcome]`: Gloss in any
 * browser on this machine, over the same handler table as the desktop app.
 */
export async function serve(argv: readonly string[]): Promise<number> {
  const portText = readOption(argv, '--port') ?? '5178';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`gloss serve: --port must be a number from 0 to 65535, not "${portText}".`);
    return 2;
  }
  const libraryDir = resolveLibraryDir({ argv });
  ensureRendererBuilt();
  const gloss = await createGloss({
    libraryDir,
    welcome: !argv.includes('--no-welcome'),
    warmSearchAfterMs: WARM_SEARCH_MS,
  });
  let server;
  try {
    server = await startHttpServer({ api: gloss.api, staticDir: rendererDir(), port });
  } catch (error) {
    await gloss.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`gloss serve: port ${port} is in use. Pick another with --port N (0 picks a free one).`);
      return 1;
    }
    throw error;
  }
  console.log(`Gloss is serving the library at ${libraryDir}`);
  console.log(`Open this address in your browser (it holds this session's key):\n\n  ${server.url}\n`);
  console.log('Press Ctrl+C to stop.');
  if (argv.includes('--json')) console.log(JSON.stringify({ url: server.url, port: server.port }));

  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await gloss.close();
  return 0;
}
