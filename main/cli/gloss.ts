// `gloss`: the command line. It parses, opens the library, runs one command
// (main/cli/commands/) over the composed API, and exits once its output is written.
import { resolveLibraryDir } from '../app/config';
import { isAppError, userMessage } from '../model/errors';
import { parseCommandLine, need, UsageError, USAGE } from './command-line';
import { entitiesOfArticle, entitiesOfFile } from './commands/entities-command';
import { exportCommand } from './commands/export-command';
import { importCommand } from './commands/import-command';
import { listCommand, showCommand } from './commands/read-commands';
import { searchCommand } from './commands/search-command';
import { unlockCommand } from './commands/unlock-command';
import { exists } from './file-kind';

// Heavy modules (jsdom, the NER model) load only for the commands that need them.
const createGloss: typeof import('../app/composition').createGloss = async (options) =>
  (await import('../app/composition')).createGloss(options);

async function run(argv: readonly string[]): Promise<number> {
  const { values: flags, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (!command || command === 'help' || flags.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const libraryDir = resolveLibraryDir({ argv });
  const json = flags.json ?? false;

  // Anything that exists at that path is taken as a file (and refused when it is a FIFO or a device).
  if (command === 'entities' && rest[0] && (await exists(rest[0]))) {
    return entitiesOfFile(rest[0], libraryDir, createGloss);
  }
  const known = ['import', 'list', 'show', 'search', 'entities', 'export', 'unlock'];
  if (!known.includes(command)) throw new UsageError(`Unknown command "${command}".`);
  if (command === 'unlock') return unlockCommand(libraryDir, flags.force ?? false);

  // Reading commands open the library read-only, so they work while the app (which holds the lock) runs:
  // every file is replaced atomically and library.journal says which index entries are newer on disk.
  const readOnly = command !== 'import';
  const gloss = await createGloss({ libraryDir, readOnly }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'conflict') {
      throw new Error(
        `${error.message} Importing needs the library to itself: import from within the app, or close it first. ` +
          'Reading commands (list, show, entities, export) work while it runs.',
      );
    }
    throw error;
  });
  try {
    switch (command) {
      case 'import':
        return await importCommand(gloss, rest, flags['allow-duplicate'] ?? false, json);
      case 'list':
        return await listCommand(gloss, json);
      case 'search':
        return await searchCommand(gloss, rest.join(' '), json);
      case 'show':
        return await showCommand(gloss, need(rest[0], 'show needs an article ID.'), json);
      case 'entities':
        return await entitiesOfArticle(gloss, need(rest[0], 'entities needs a file or an article ID.'));
      default:
        return await exportCommand(gloss, rest[0], flags);
    }
  } finally {
    // What the app shows as notices (a damaged file moved aside, a write that failed) goes to stderr here.
    for (const notice of await gloss.api.takeNotices({})) console.error(`gloss: ${notice.message}`);
    await gloss.close();
  }
}

/** Exits once stdout and stderr have taken everything written: process.exit() drops what a pipe has not read yet. */
async function exitWhenWritten(code: number): Promise<never> {
  await Promise.all(
    [process.stdout, process.stderr].map((s) => new Promise<void>((done) => s.write('', () => done()))),
  );
  process.exit(code);
}

run(process.argv.slice(2)).then(
  (code) => exitWhenWritten(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`gloss: ${error.message}\n\n${USAGE}`);
      return exitWhenWritten(2);
    }
    console.error(`gloss: ${userMessage(error)}`);
    return exitWhenWritten(1);
  },
);
