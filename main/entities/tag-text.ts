// Raw text → tokens, sentences and named-entity spans with exact character offsets.
import { documentFeatures, stackedFeatures } from './ner/features';
import { loadNerModel, type NerModel } from './ner/model-loader';
import { splitSentences, tokenize, type Token } from './ner/tokenize';
import { TAGS, tagsToSpans, viterbi } from './ner/tagger';

export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface NerSpan {
  start: number;
  end: number;
  label: NerLabel;
  /** Token indices into `tokens`, end exclusive. */
  tokenStart: number;
  tokenEnd: number;
}

export interface TaggedText {
  tokens: Token[];
  /** [first token, end token) of each sentence. */
  sentences: Array<[number, number]>;
  spans: NerSpan[];
}

/** The training data is ASCII newswire: typographic quotes and dashes look like its own. */
function asTrained(word: string): string {
  if (word.length === 1) {
    if (word === '—' || word === '–') return '--';
    if (word === '“' || word === '”' || word === '„') return '"';
  }
  return word.replace(/[‘’]/g, "'");
}

export function tagText(text: string, model: NerModel = loadNerModel()): TaggedText {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const words = sentences.map(([a, b]) => tokens.slice(a, b).map((t) => asTrained(t.text)));
  const feats = documentFeatures(words, (1 << model.first.bits) - 1, model.gazetteer);
  let tagged = feats.map((f) => viterbi(model.first, f));
  const second = model.second;
  if (second) {
    // Same base features (both passes use the same number of buckets), plus the stacked ones.
    const stacked = stackedFeatures(words, tagged, (1 << second.bits) - 1);
    tagged = feats.map((f, s) => viterbi(second, f, stacked[s]));
  }
  const spans: NerSpan[] = [];
  sentences.forEach(([a], s) => {
    const tags = tagged[s]!;
    for (const span of tagsToSpans(Array.from(tags, (t) => TAGS[t]!))) {
      const first = tokens[a + span.start]!;
      const last = tokens[a + span.end - 1]!;
      spans.push({
        start: first.start,
        end: last.end,
        label: span.type as NerLabel,
        tokenStart: a + span.start,
        tokenEnd: a + span.end,
      });
    }
  });
  return { tokens, sentences, spans };
}
