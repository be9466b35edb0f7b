// The search index on disk (cache/search/index.json), written and read a piece at a time.
// At 10,000 articles the index is a JSON text of a hundred megabytes or more; parsed (or
// written) whole, it would hold every other request of the main process up for seconds.
// So the file is lines: a head (format, each article's signature, the index without its
// terms), then the terms, a few thousand per line, and the process yields between lines.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { AsPlainObject } from 'minisearch';
import { fields, isObject, literal, matches } from '../model/schema';

export const FORMAT = 3; // 2: one document per article, its highlights inside; 3: by stamp, in lines

/** Terms per line: a line parses in a few milliseconds. */
const TERMS_PER_LINE = 2000;
/** Lines parsed (or written) between two yields to the event loop. */
const LINES_PER_TURN = 8;

export interface KeptIndex {
  /** Each indexed article's signature (what its document was built from). */
  articles: Record<string, string>;
  index: AsPlainObject;
}

type Term = AsPlainObject['index'][number];

interface Head {
  format: number;
  articles: Record<string, string>;
  index: Omit<AsPlainObject, 'index'>;
  lines: number;
}

const HEAD_SHAPE = fields({
  format: literal(FORMAT),
  articles: (v) => (isObject(v) ? null : ' is not an object'),
  index: (v) => (isObject(v) ? null : ' is not an object'),
  lines: (v) => (Number.isInteger(v) ? null : ' is not a count of lines'),
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

export async function writeKeptIndex(path: string, kept: KeptIndex): Promise<void> {
  const { index: terms, ...rest } = kept.index;
  const lines = Math.ceil(terms.length / TERMS_PER_LINE);
  const parts = [JSON.stringify({ format: FORMAT, articles: kept.articles, index: rest, lines } satisfies Head)];
  for (let i = 0; i < lines; i++) {
    parts.push(JSON.stringify(terms.slice(i * TERMS_PER_LINE, (i + 1) * TERMS_PER_LINE)));
    if (i % LINES_PER_TURN === LINES_PER_TURN - 1) await turn();
  }
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, parts.join('\n'));
  await rename(temp, path);
}

/** The kept index, or null when there is none, it is damaged or of another format (it is then built afresh). */
export async function readKeptIndex(path: string): Promise<KeptIndex | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null; // none yet
  }
  try {
    const lines = text.split('\n');
    const head: unknown = JSON.parse(lines[0]!);
    if (!matches<Head>(HEAD_SHAPE, head) || head.lines !== lines.length - 1) return null;
    const terms: Term[] = [];
    for (let i = 1; i < lines.length; i++) {
      for (const term of JSON.parse(lines[i]!) as Term[]) terms.push(term);
      if (i % LINES_PER_TURN === 0) await turn();
    }
    return { articles: head.articles, index: { ...head.index, index: terms } as AsPlainObject };
  } catch {
    return null; // cut short or damaged: the walk builds it again
  }
}
