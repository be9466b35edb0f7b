// Speed of entity extraction (ours and compromise's) on a generated, seeded article.
import { seededRandom } from '../support/seeded-random';
import { extractEntities } from '../../main/entities/extract-entities';
import { loadNerModel } from '../../main/entities/ner/model-loader';

export interface ExtractorSpeed {
  /** Median wall time of one run over the whole article. */
  ms: number;
  wordsPerSecond: number;
  /** CPU time of the median run: less sensitive to other processes on the machine. */
  cpuMs: number;
  wordsPerCpuSecond: number;
  entities: number;
}

export interface EntityBenchResult {
  words: number;
  runs: number;
  /** extractEntities: names, dates and figures, tagging and merging. */
  ours: ExtractorSpeed;
  /** compromise out of the box: people(), places(), organizations(). */
  compromise: ExtractorSpeed;
}

const FIRST = [
  'Amara',
  'Jonas',
  'Leila',
  'Tomasz',
  'Ines',
  'Kwame',
  'Sofia',
  'Ravi',
  'Hana',
  'Mateo',
  'Yusuf',
  'Clara',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Haddad',
  'Novak',
  'Marlow',
  'Mensah',
  'Ferreira',
  'Iyer',
  'Sato',
  'Duarte',
  'Kaya',
  'Brandt',
];
const PLACES = ['Lagos', 'Geneva', 'Karachi', 'Lisbon', 'Nairobi', 'Osaka', 'Valparaiso', 'Tbilisi', 'Quito', 'Bergen'];
const ORGS = [
  'the Harbour Trust',
  'Northwind Shipping',
  'the Coastal Relief Agency',
  'Meridian Bank',
  'the Riverside Council',
];
const TITLES = ['Colonel', 'Dr.', 'President', 'Mr.', 'Ms.', 'Minister'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];
const FILLER = (
  'the officials said that a new plan would be discussed again during talks about water roads schools and the ' +
  'budget while residents waited for news of the decision which many expected to come later in the season after ' +
  'long delays and several public meetings in small towns along the coast'
).split(' ');

/** A news-like article of about `words` words; the same seed gives the same text. */
export function generateArticle(words = 10_000, seed = 42): string {
  const r = seededRandom(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const person = (): string => `${pick(FIRST)} ${pick(LAST)}`;
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const filler = Array.from({ length: 6 + Math.floor(r() * 10) }, () => pick(FILLER)).join(' ');
    const kind = Math.floor(r() * 6);
    let s: string;
    if (kind === 0)
      s = `${pick(TITLES)} ${person()} met officials from ${pick(ORGS)} in ${pick(PLACES)} on ${1 + Math.floor(r() * 28)} ${pick(MONTHS)} 2019, and ${filler}.`;
    else if (kind === 1)
      s = `${pick(LAST)} told reporters in ${pick(PLACES)} that ${1 + Math.floor(r() * 9)},${100 + Math.floor(r() * 900)} people had left, and ${filler}.`;
    else if (kind === 2)
      s = `According to ${pick(ORGS)}, prices rose ${(r() * 9).toFixed(1)}% last year while ${filler}.`;
    else if (kind === 3) s = `In ${pick(PLACES)}, ${person()} said ${filler} before ${pick(MONTHS)}.`;
    else s = `${filler.charAt(0).toUpperCase()}${filler.slice(1)}, and ${pick(LAST)} of ${pick(ORGS)} agreed.`;
    sentences.push(s);
    count += s.split(/\s+/).length;
    if (r() < 0.15) sentences.push('\n\n');
  }
  return sentences.join(' ').replace(/ \n\n /g, '\n\n');
}

function measure(run: () => number, words: number, runs: number): ExtractorSpeed {
  run(); // warm-up: model load, JIT
  const samples: Array<{ ms: number; cpuMs: number; entities: number }> = [];
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const entities = run();
    const ms = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    samples.push({ ms, cpuMs: (used.user + used.system) / 1000, entities });
  }
  samples.sort((a, b) => a.ms - b.ms);
  const mid = samples[Math.floor(samples.length / 2)]!;
  return {
    ms: mid.ms,
    cpuMs: mid.cpuMs,
    wordsPerSecond: Math.round(words / (mid.ms / 1000)),
    wordsPerCpuSecond: Math.round(words / (mid.cpuMs / 1000)),
    entities: mid.entities,
  };
}

export async function benchEntities(
  options: { words?: number; seed?: number; runs?: number } = {},
): Promise<EntityBenchResult> {
  const text = generateArticle(options.words ?? 10_000, options.seed ?? 42);
  const words = text.split(/\s+/).filter(Boolean).length;
  const runs = options.runs ?? 7;
  loadNerModel();
  const ours = measure(() => extractEntities(text).length, words, runs);
  // compromise is a dev dependency used only as the baseline.
  const nlp = (await import('compromise')).default;
  const compromise = measure(
    () => {
      const doc = nlp(text);
      return doc.people().length + doc.places().length + doc.organizations().length;
    },
    words,
    runs,
  );
  return { words, runs, ours, compromise };
}
