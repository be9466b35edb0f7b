// Figures for `npm run bench`: re-anchoring cost after an edit, and how long a
// new highlight takes from createAnnotation to saved, over an in-memory store
// (the service's own cost) and over the real file store (what the user waits for).
import { seededRandom } from '../support/seeded-random';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation } from '../../main/model/contract';
import { openLibraryStore } from '../../main/storage/library-store';
import type { LibraryStore } from '../../main/storage/store-types';
import { createAnnotationsService } from '../../main/annotations/annotations-service';
import { createMemoryStore, summaryFor } from '../support/memory-store';
import { reanchorAll } from '../../main/annotations/reanchor';
import { makeAnnotation } from '../support/annotation-fixtures';

export interface AnnotationsBenchFigures {
  /** ms: median of the runs; minMs: the best one. */
  reanchor: {
    chars: number;
    annotations: number;
    ms: number;
    minMs: number;
    anchored: number;
    moved: number;
    orphan: number;
  };
  createToSaved: CreateFigures;
  createToSavedOnDisk: CreateFigures;
}

interface CreateFigures {
  store: 'memory' | 'file';
  articles: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

// Real prose draws on thousands of words; a made-up vocabulary of that size keeps
// short quotes about as rare as they are in an actual article.
const SYLLABLES =
  'ba be bi bo bu da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to'.split(
    ' ',
  );
const COMMON = 'the of and to a in that is was for on with as by at from it be this which'.split(' ');
function vocabulary(size: number): string[] {
  const words: string[] = [];
  for (let i = 0; i < size; i++) {
    let w = '';
    for (let n = i + 7, k = 0; k < 2 + (i % 3); k++, n = Math.floor(n / SYLLABLES.length) + k * 13) {
      w += SYLLABLES[n % SYLLABLES.length];
    }
    words.push(w);
  }
  return words;
}
const VOCAB = vocabulary(3000);

/** Deterministic pseudo-random article: varied enough that quotes are mostly unique, like real prose. */
export function syntheticArticle(chars: number, seed = 7): string {
  const rnd = seededRandom(seed);
  const paras: string[] = [];
  let total = 0;
  while (total < chars) {
    const words: string[] = [];
    const n = 60 + Math.floor(rnd() * 80);
    for (let i = 0; i < n; i++) {
      const w = rnd() < 0.4 ? COMMON[Math.floor(rnd() * COMMON.length)]! : VOCAB[Math.floor(rnd() * VOCAB.length)]!;
      words.push(i === 0 ? w[0]!.toUpperCase() + w.slice(1) : rnd() < 0.04 ? `${w} ${Math.floor(rnd() * 1000)}` : w);
    }
    const p = words.join(' ') + '.';
    paras.push(p);
    total += p.length + 1;
  }
  return paras.join('\n').slice(0, chars);
}

/** An updated version: a paragraph added at the top, one removed mid-way, words changed in every tenth paragraph. */
export function editedVersion(text: string): string {
  const paras = text.split('\n');
  paras.splice(Math.floor(paras.length / 2), 1);
  for (let i = 5; i < paras.length; i += 10) paras[i] = paras[i]!.replace(/ (\w+) (\w+) /, ' $2 revised $1 ');
  return ['Editor’s note: this version corrects two figures and removes a paragraph.', ...paras].join('\n');
}

export function benchReanchor(chars = 120_000, count = 1000, repeats = 5): AnnotationsBenchFigures['reanchor'] {
  const text = syntheticArticle(chars);
  const anns: Annotation[] = [];
  for (let k = 0; k < count; k++) {
    const start = Math.floor((k * (chars - 200)) / count);
    anns.push(makeAnnotation(text, start, start + 15 + ((k * 37) % 120), { id: `a${k}` }));
  }
  const edited = editedVersion(text);
  reanchorAll(text, edited, anns.slice(0, 50)); // warm up the JIT
  // The CPU is shared: report the median and the best of several runs.
  const times: number[] = [];
  let out: Annotation[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    out = reanchorAll(text, edited, anns);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const by = (s: Annotation['status']) => out.filter((a) => a.status === s).length;
  return {
    chars,
    annotations: count,
    ms: round(times[Math.floor(times.length / 2)]!),
    minMs: round(times[0]!),
    anchored: by('anchored'),
    moved: by('moved'),
    orphan: by('orphan'),
  };
}

/**
 * createAnnotation → resolved (saved) over a library of `articles` articles.
 * 'memory' isolates the service's own cost; 'file' uses the real store in a
 * temporary folder, so the figure includes writing state.json and the index.
 */
export async function benchCreateToSaved(
  articles = 1000,
  runs = 200,
  storeKind: 'memory' | 'file' = 'memory',
): Promise<CreateFigures> {
  const dir = storeKind === 'file' ? await mkdtemp(join(tmpdir(), 'gloss-bench-')) : null;
  const store: LibraryStore = dir ? await openLibraryStore(dir) : createMemoryStore();
  try {
    const text = syntheticArticle(120_000);
    for (let i = 0; i < articles; i++) {
      const body = i === 0 ? text : `Article ${i} body text.`;
      await store.addArticle({
        summary: summaryFor(`art-${i}`, `Article ${i}`),
        content: { html: `<p>${body}</p>`, text: body, textSha256: `t${i}` },
        source: { bytes: new TextEncoder().encode(body), ext: 'txt' },
      });
    }
    const service = createAnnotationsService({ store });
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const start = 100 + r * 500;
      const t0 = performance.now();
      await service.createAnnotation({ articleId: 'art-0', start, end: start + 40, color: 'yellow' });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return {
      store: storeKind,
      articles,
      runs,
      medianMs: round(times[Math.floor(runs / 2)]!),
      p95Ms: round(times[Math.floor(runs * 0.95)]!),
    };
  } finally {
    await store.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}

export async function bench(): Promise<AnnotationsBenchFigures> {
  return {
    reanchor: benchReanchor(),
    createToSaved: await benchCreateToSaved(1000, 200, 'memory'),
    createToSavedOnDisk: await benchCreateToSaved(1000, 100, 'file'),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
