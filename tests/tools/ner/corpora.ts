// The NER corpora in ../shared/eval/ner (beside the repository, as in CI): which files
// may train a model, which are dev sets for tuning, and which are for reporting only.
// Rules of use: ../shared/eval/ner/README.md and the README in each extra/ folder.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const NER_DATA = resolve(REPO, '..', 'shared', 'eval', 'ner');

/**
 * How a corpus's labels differ from CoNLL-2003's, and so which tags training may put
 * where its gold says something else:
 * - `full`: CoNLL's four types as CoNLL means them; the gold tags are taken as they are.
 * - `no-misc`: no MISC layer (nationalities, events, works are O): where gold says O the
 *   model may also say MISC.
 * - `misc-outer`: MISC spans are outermost and swallow names ("1998 Maltese general
 *   election"): inside a gold MISC span any tags are allowed.
 */
export type Convention = 'full' | 'no-misc' | 'misc-outer';

export interface Corpus {
  id: string;
  /** Paths relative to NER_DATA. */
  files: string[];
  convention: Convention;
}

const CROSSNER_DOMAINS = ['politics', 'science', 'music', 'literature', 'ai'];
const crossner = (split: string): string[] => CROSSNER_DOMAINS.map((d) => `extra/crossner/${d}-${split}.txt`);

/** Every corpus by id. Splits used as modern dev sets are never trained on by the shipped recipe. */
export const CORPORA: Record<string, Corpus> = {
  'conll-train': { id: 'conll-train', files: ['conll2003-train.txt'], convention: 'full' },
  'conll-dev': { id: 'conll-dev', files: ['conll2003-dev.txt'], convention: 'full' },
  'gum-train': { id: 'gum-train', files: ['extra/gum/train.txt'], convention: 'full' },
  'gum-dev': { id: 'gum-dev', files: ['extra/gum/dev.txt'], convention: 'full' },
  'gum-test': { id: 'gum-test', files: ['extra/gum/test.txt'], convention: 'full' },
  'crossner-train': { id: 'crossner-train', files: crossner('train'), convention: 'misc-outer' },
  'crossner-dev': { id: 'crossner-dev', files: crossner('dev'), convention: 'misc-outer' },
  'crossner-test': { id: 'crossner-test', files: crossner('test'), convention: 'misc-outer' },
  btc: { id: 'btc', files: ['extra/btc/train.txt'], convention: 'no-misc' },
  // WNUT's MISC is products and works only: nationalities are O, as in a corpus without MISC.
  'wnut-train': { id: 'wnut-train', files: ['extra/wnut17/train.txt'], convention: 'no-misc' },
  'wnut-dev': { id: 'wnut-dev', files: ['extra/wnut17/dev.txt'], convention: 'no-misc' },
  'wnut-test': { id: 'wnut-test', files: ['extra/wnut17/test.txt'], convention: 'no-misc' },
  'uner-dev': { id: 'uner-dev', files: ['extra/uner-ewt/dev.txt'], convention: 'no-misc' },
  'uner-test': { id: 'uner-test', files: ['extra/uner-ewt/test.txt'], convention: 'no-misc' },
};

/** Report-only: never trained or tuned on, their errors never read one by one. */
export const REPORT_ONLY: Record<string, Corpus> = {
  'conll-test': { id: 'conll-test', files: ['conll2003-test.txt'], convention: 'full' },
  wikigold: { id: 'wikigold', files: ['wikigold.txt'], convention: 'full' },
};

export interface EvalSet {
  corpus: Corpus;
  label: string;
  /** Report-only sets are printed, never used to choose anything. */
  reportOnly: boolean;
}

/** What `npm run eval:ner` prints: CoNLL, WikiGold and the modern dev sets. */
export const EVAL_SETS: EvalSet[] = [
  { corpus: CORPORA['conll-dev']!, label: 'CoNLL-2003 dev', reportOnly: false },
  { corpus: REPORT_ONLY['conll-test']!, label: 'CoNLL-2003 test', reportOnly: true },
  { corpus: REPORT_ONLY.wikigold!, label: 'WikiGold', reportOnly: true },
  { corpus: CORPORA['gum-dev']!, label: 'GUM dev (modern)', reportOnly: false },
  { corpus: CORPORA['gum-test']!, label: 'GUM test (modern)', reportOnly: false },
  { corpus: CORPORA['crossner-dev']!, label: 'CrossNER dev, 5 domains (modern)', reportOnly: false },
  { corpus: CORPORA['uner-dev']!, label: 'UNER English-EWT dev (modern)', reportOnly: false },
];

export function corpusPaths(c: Corpus): string[] {
  return c.files.map((f) => join(NER_DATA, f));
}

export function requireData(c: Corpus): string[] {
  const paths = corpusPaths(c);
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`NER data not found (expected ../shared beside the repo): ${missing.join(', ')}`);
  return paths;
}
