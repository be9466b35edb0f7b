// CoNLL files → documents ready to train or score on: tag indices, the tags each token may
// take under its corpus's conventions (see corpora.ts), and the tagger's features.
import { documentFeatures } from '../../../main/entities/ner/features';
import type { Gazetteer } from '../../../main/entities/ner/gazetteer';
import { TAGS } from '../../../main/entities/ner/tagger';
import { readConll } from './conll-reader';
import { requireData, type Convention, type Corpus } from './corpora';
import type { TrainDoc } from './perceptron';

const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));
const O = TAG_INDEX.get('O')!;
const B_MISC = TAG_INDEX.get('B-MISC')!;
const I_MISC = TAG_INDEX.get('I-MISC')!;
const ANY = (1 << TAGS.length) - 1;

/** Which tags each token may take, or null when only the gold tags are right. */
export function allowedTags(gold: Uint8Array, convention: Convention): Uint16Array | null {
  if (convention === 'full') return null;
  const out = new Uint16Array(gold.length);
  let loose = false;
  gold.forEach((g, i) => {
    if (convention === 'no-misc' && g === O) {
      out[i] = (1 << O) | (1 << B_MISC) | (1 << I_MISC);
      loose = true;
    } else if (convention === 'misc-outer' && (g === B_MISC || g === I_MISC)) {
      out[i] = ANY;
      loose = true;
    } else out[i] = 1 << g;
  });
  return loose ? out : null;
}

export function prepareCorpus(corpus: Corpus, mask: number, gazetteer: Gazetteer | null, weight = 1): TrainDoc[] {
  return requireData(corpus).flatMap((path) =>
    readConll(path).map((doc) => {
      const words = doc.map((s) => s.tokens);
      const gold = doc.map((s) => Uint8Array.from(s.tags.map((t) => TAG_INDEX.get(t) ?? O)));
      return {
        source: corpus.id,
        words,
        gold,
        allowed: gold.map((g) => allowedTags(g, corpus.convention)),
        weight,
        feats: documentFeatures(words, mask, gazetteer),
        stacked: null,
      };
    }),
  );
}
