import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ExportOptions, ImportOutcome } from '../model/contract';
import { parseArgs } from 'node:util';
import { resolveLibraryDir } from '../app/config';
import type { Gloss } from '../app/composition';
import { isAppError, userMessage } from '../model/errors';
import { makeExportFolder } from '../export/export-files';
import { articleFileName } from '../export/file-names';
import { sameTag } from '../export/obsidian-tags';
import type { Entity } from '../model/contract';

// Heavy modules (jsdom, the NER model) load only for the commands that need them.
const createGloss: typeof import('../app/composition').createGloss = async (options) =>
  (await import('../app/composition')).createGloss(options);

const USAGE = `Usage: npm run gloss -- <command> [options]

Commands:
  import FILE...            Import .txt, .md or .html files into the library
  list [--json]             List the articles in the library
  show ID [--json]          Print an article's details and its canonical text
  entities FILE|ID --json   Entities of a file (read as import would) or an article
  export ID [--out FILE|DIR] [--mode full|highlights] [--group-by position|color]
            [--no-entities] [--wikilinks] [--source-path]
                            Export an article as annotated Markdown (stdout without --out)
  export --all|--tag TAG --out DIR [same options]
                            Export many articles to a folder (an Obsidian vault with --wikilinks)
  unlock [--force]          Remove a stale lock left by a Gloss that is no longer running

Options:
  --library DIR             The library folder (default: $GLOSS_LIBRARY, else the app's)
  --allow-duplicate         Import a file even when the same file is already in the library

Exit codes: 0 done, 1 failed, 2 usage error.`;

class UsageError extends Error {}

const OPTIONS = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
  'allow-duplicate': { type: 'boolean' },
  out: { type: 'string' },
  mode: { type: 'string' },
  'group-by': { type: 'string' },
  tag: { type: 'string' },
  all: { type: 'boolean' },
  'no-entities': { type: 'boolean' },
  wikilinks: { type: 'boolean' },
  'source-path': { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

type Flags = ReturnType<typeof parseCommandLine>['values'];

/** The command line as node:util parses it; an unknown or malformed option is a usage error. */
function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

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
    return entitiesOfFile(rest[0], libraryDir);
  }
  const known = ['import', 'list', 'show', 'entities', 'export', 'unlock'];
  if (!known.includes(command)) throw new UsageError(`Unknown command "${command}".`);
  if (command === 'unlock') return unlock(libraryDir, flags.force ?? false);

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
        return await importFiles(gloss, rest, flags['allow-duplicate'] ?? false, json);
      case 'list':
        return await list(gloss, json);
      case 'show':
        return await show(gloss, need(rest[0], 'show needs an article ID.'), json);
      case 'entities':
        return await entitiesOfArticle(gloss, need(rest[0], 'entities needs a file or an article ID.'));
      default:
        return await exportCommand(gloss, rest[0], flags);
    }
  } finally {
    // What the app shows as notices (a damaged file moved aside, a write that failed) goes to stderr here.
    for (const notice of gloss.store.takeNotices()) console.error(`gloss: ${notice.message}`);
    await gloss.close();
  }
}

function need(value: string | undefined, message: string): string {
  if (!value) throw new UsageError(message);
  return value;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function importFiles(gloss: Gloss, files: string[], allowDuplicate: boolean, json: boolean): Promise<number> {
  if (files.length === 0) throw new UsageError('import needs at least one file.');
  const outcomes = await gloss.library.importPaths(
    files.map((f) => resolve(f)),
    { allowDuplicate },
  );
  if (json) console.log(JSON.stringify(outcomes, null, 2));
  else outcomes.forEach((o) => report(o));
  return outcomes.every((o) => o.status !== 'rejected') ? 0 : 1;
}

function report(outcome: ImportOutcome): void {
  if (outcome.status === 'imported') {
    console.log(`Imported ${outcome.article.id}  ${outcome.article.title}`);
  } else if (outcome.status === 'duplicate') {
    console.log(
      `Already in the library: ${outcome.name} is ${outcome.existing.id} (${outcome.existing.title}); --allow-duplicate imports it again.`,
    );
  } else {
    console.error(`Not imported: ${outcome.error.message}`);
  }
}

async function list(gloss: Gloss, json: boolean): Promise<number> {
  const articles = await gloss.api.listArticles({});
  if (json) {
    console.log(JSON.stringify(articles, null, 2));
    return 0;
  }
  for (const a of articles) {
    console.log(`${a.id}  ${a.added.slice(0, 10)}  ${String(a.wordCount).padStart(6)} words  ${a.title}`);
  }
  if (articles.length === 0) console.log('The library is empty.');
  return 0;
}

async function show(gloss: Gloss, id: string, json: boolean): Promise<number> {
  const article = await gloss.api.getArticle({ id });
  if (json) {
    console.log(JSON.stringify(article, null, 2));
    return 0;
  }
  const { html: _html, text, ...meta } = article;
  for (const [key, value] of Object.entries(meta)) {
    if (value !== null && value !== '')
      console.log(`${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  }
  console.log(`\n${text}`);
  return 0;
}

async function entitiesOfFile(path: string, libraryDir: string): Promise<number> {
  const { importDocument } = await import('../import/import-document');
  const { extractEntities } = await import('../entities/extract-entities');
  const { applyCorrections } = await import('../entities/apply-corrections');
  const { readLocalFile } = await import('../library/read-local-file');
  const { MAX_IMPORT_BYTES } = await import('../import/import-limits');
  const bytes = await readLocalFile(path, MAX_IMPORT_BYTES);
  // Offsets index into the file as given: a .txt file is read whole, without reader mode.
  const doc = importDocument({
    name: path.split(/[\\/]/).pop() ?? path,
    bytes,
    path: resolve(path),
    readerMode: false,
  });
  // The user's corrections apply to files outside the library too, but reading
  // them must not create a library where there is none.
  let corrections: Awaited<ReturnType<Gloss['api']['listCorrections']>> = [];
  if (await isFile(join(libraryDir, 'library.json'))) {
    const gloss = await createGloss({ libraryDir, readOnly: true });
    try {
      corrections = await gloss.api.listCorrections({});
    } finally {
      await gloss.close();
    }
  }
  printEntities(applyCorrections(extractEntities(doc.text), corrections, doc.text));
  return 0;
}

async function entitiesOfArticle(gloss: Gloss, id: string): Promise<number> {
  printEntities(await gloss.api.getEntities({ articleId: id }));
  return 0;
}

function printEntities(entities: Entity[]): void {
  const out = entities.map((e) => ({
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    ...(e.resolved ? { resolved: e.resolved } : {}),
  }));
  console.log(JSON.stringify({ entities: out }, null, 2));
}

function exportOptions(flags: Flags): ExportOptions {
  const mode = flags.mode ?? 'full';
  if (mode !== 'full' && mode !== 'highlights') throw new UsageError('--mode is full or highlights.');
  const groupBy = flags['group-by'] ?? 'position';
  if (groupBy !== 'position' && groupBy !== 'color') throw new UsageError('--group-by is position or color.');
  return {
    mode,
    groupBy,
    entities: !flags['no-entities'],
    wikilinks: flags.wikilinks ?? false,
    sourcePath: flags['source-path'] ?? false,
  };
}

async function exportCommand(gloss: Gloss, id: string | undefined, flags: Flags): Promise<number> {
  const options = exportOptions(flags);
  const { out, tag } = flags;
  if (flags.all || tag) {
    if (!out) throw new UsageError('Exporting many articles needs --out DIR.');
    // --tag takes Gloss's spelling or the Obsidian tag the export writes.
    const chosen = (await gloss.api.listArticles({})).filter((a) => !tag || a.tags.some((t) => sameTag(t, tag)));
    const { message } = await gloss.exporter.exportLibraryToFolder({
      articleIds: chosen.map((a) => a.id),
      dir: resolve(out),
      options,
      onProgress: (done: number, total: number) => process.stderr.write(`\rExported ${done} of ${total}`),
    });
    process.stderr.write('\n');
    console.log(message);
    return 0;
  }
  const articleId = need(id, 'export needs an article ID, or --all.');
  if (!out) {
    process.stdout.write((await gloss.api.exportMarkdown({ articleId, options })).markdown);
    return 0;
  }
  let target = out;
  if ((await isDirectory(out)) || out.endsWith('/')) {
    // Named without rendering: exportMarkdownToFile below renders once, and says when the article is missing.
    target = join(out, articleFileName(gloss.store.getSummary(articleId)?.title ?? articleId));
  }
  await makeExportFolder(resolve(target, '..'));
  // Re-exporting over an earlier export takes the user's edits in it first, and says what it did.
  console.log((await gloss.exporter.exportMarkdownToFile({ articleId, options, path: resolve(target) })).message);
  return 0;
}

/** `gloss unlock`: removes `.lock` when the process it names is gone (or with --force, in any case). */
async function unlock(libraryDir: string, force: boolean): Promise<number> {
  const { readFile, unlink } = await import('node:fs/promises');
  const { describeHolder, holderIsLive, parseLock } = await import('../storage/lock-file');
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

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
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
