// Plain-text dumps of the corpus pages, made at test time with the text browsers users save pages with
// (Debian's lynx and w3m; .ci/run installs them), and scored the way a reader would judge them: is the
// title the headline, and is the text the article (recall) and only the article (precision)?
import { execFileSync } from 'node:child_process';
import { importDocument } from '../../../main/import/import-document';
import type { CorpusPage } from './readability-pages';
import { expectedText } from './readability-pages';
import { containment, tokens } from './token-similarity';
import { fold, SITE_SEPARATOR, titleMatches } from './title-convention';

export const DUMP_TOOLS = {
  lynx: (path: string) => ['lynx', ['-dump', '-nolist', '-force_html', '-display_charset=utf-8', path]],
  w3m: (path: string) => ['w3m', ['-dump', '-T', 'text/html', '-O', 'UTF-8', path]],
} as const satisfies Record<string, (path: string) => readonly [string, string[]]>;

export type DumpTool = keyof typeof DUMP_TOOLS;

export function toolAvailable(tool: DumpTool): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function dumpPage(page: CorpusPage, tool: DumpTool): string {
  const [command, args] = DUMP_TOOLS[tool](page.sourcePath);
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 30_000 });
}

/** The dump shows the headline somewhere (pages whose title lives only in <title> cannot be found in text). */
function headlineInDump(dump: string, expected: string | null): boolean {
  const head = fold((expected ?? '').split(SITE_SEPARATOR)[0] ?? '');
  return head.split(' ').length >= 2 && fold(dump).includes(head);
}

export interface DumpScore {
  name: string;
  titleOk: boolean;
  /** The headline is in the dump at all. */
  findable: boolean;
  title: string | null;
  expectedTitle: string | null;
  /** Share of the article's words that are in the imported text. */
  recall: number;
  /** Share of the imported text's words that are the article's. */
  precision: number;
}

export function scoreDump(page: CorpusPage, tool: DumpTool): DumpScore {
  const dump = dumpPage(page, tool);
  const meta = page.metadata();
  const expected = tokens(expectedText(page.expectedHtml()).replace(/\[image: [^\]]*\]/g, ' '));
  let title: string | null = null;
  let got: string[] = [];
  try {
    const doc = importDocument({ name: `${page.name}.txt`, bytes: new TextEncoder().encode(dump) });
    title = doc.title;
    got = tokens(doc.text);
  } catch {
    // An empty dump (a page of scripts) imports as nothing: no title, no text.
  }
  return {
    name: page.name,
    titleOk: titleMatches(title, meta.title),
    findable: headlineInDump(dump, meta.title),
    title,
    expectedTitle: meta.title,
    recall: containment(expected, got),
    precision: containment(got, expected),
  };
}

export function summarizeDumps(scores: readonly DumpScore[]): {
  title: number;
  findable: number;
  titleOfFindable: number;
  recall: number;
  precision: number;
  clean: number;
  of: number;
} {
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    title: scores.filter((s) => s.titleOk).length,
    findable: scores.filter((s) => s.findable).length,
    titleOfFindable: scores.filter((s) => s.findable && s.titleOk).length,
    recall: mean(scores.map((s) => s.recall)),
    precision: mean(scores.map((s) => s.precision)),
    clean: scores.filter((s) => s.recall >= 0.9 && s.precision >= 0.9).length,
    of: scores.length,
  };
}
