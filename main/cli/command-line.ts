import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run gloss -- <command> [options]

Commands:
  import FILE...            Import .txt, .md, .html, .epub or .pdf files into the library
  list [--json]             List the articles in the library
  show ID [--json]          Print an article's details and its canonical text
  search QUERY [--json]     Search the library: words, "phrases", tag: color: author: site: entity:
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

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

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

export type Flags = ReturnType<typeof parseCommandLine>['values'];

/** The command line as node:util parses it; an unknown or malformed option is a usage error. */
export function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function need(value: string | undefined, message: string): string {
  if (!value) throw new UsageError(message);
  return value;
}
