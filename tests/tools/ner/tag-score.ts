// Exact-span F1 of tag sequences against a document's gold, as the training loop reports it
// (npm run eval:ner scores the whole extractor on raw text instead).
import { TAGS, tagsToSpans } from '../../../main/entities/ner/tagger';
import type { TrainDoc } from './perceptron';

export interface TagF1 {
  /** All four types. */
  all: number;
  /** PER/ORG/LOC, MISC dropped from both sides. */
  plo: number;
}

export function scoreTags(docs: TrainDoc[], tag: (d: TrainDoc) => Uint8Array[]): TagF1 {
  const counts = { all: [0, 0, 0], plo: [0, 0, 0] };
  const key = (x: { start: number; end: number; type: string }): string => `${x.start}:${x.end}:${x.type}`;
  for (const d of docs) {
    const pred = tag(d);
    d.gold.forEach((g, s) => {
      const gs = tagsToSpans(Array.from(g, (t) => TAGS[t]!));
      const ps = tagsToSpans(Array.from(pred[s]!, (t) => TAGS[t]!));
      for (const name of ['all', 'plo'] as const) {
        const keep = (x: { type: string }): boolean => name === 'all' || x.type !== 'MISC';
        const gk = new Set(gs.filter(keep).map(key));
        const pk = ps.filter(keep).map(key);
        const c = counts[name];
        c[0]! += pk.filter((k) => gk.has(k)).length;
        c[1]! += pk.length;
        c[2]! += gk.size;
      }
    });
  }
  const f1 = ([tp, np, ng]: number[]): number => (2 * tp!) / (np! + ng! || 1);
  return { all: f1(counts.all), plo: f1(counts.plo) };
}
