// `npm run train:ner`: trains the NER tagger and writes data/ner/model.bin with, beside it,
// model.json: the recipe and every file (with its SHA-256) the model saw.
//
//   npm run train:ner                          the shipped recipe (recipe.ts)
//   npm run train:ner -- --sources conll-train,gum-train --weight gum-train=0.5 --out /tmp/m.bin
//                                              an experiment; --epochs N --folds K --bits B
//                                              --single --no-gazetteer --dev id,id --seed N
//
// Two averaged structured perceptrons: the second also sees how the first labelled the same
// words elsewhere in the document (stacking; the first pass's labels of the training data
// come from models that did not see that document). Report-only sets (the CoNLL test set,
// WikiGold) have no id here, so no command can train or tune on them.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stackedFeatures } from '../../../main/entities/ner/features';
import type { Gazetteer } from '../../../main/entities/ner/gazetteer';
import { decodeBundle } from '../../../main/entities/ner/model-file';
import { viterbi, type NerWeights } from '../../../main/entities/ner/tagger';
import { buildGazetteer } from './build-gazetteer';
import { CORPORA, corpusPaths, NER_DATA, REPO, type Corpus } from './corpora';
import { encodeBundle } from './encode-model';
import { trainPerceptron, type TrainDoc } from './perceptron';
import { prepareCorpus } from './prepare-docs';
import { SHIPPED, type Recipe } from './recipe';
import { scoreTags, type TagF1 } from './tag-score';

function corpus(id: string): Corpus {
  const c = CORPORA[id];
  if (!c) throw new Error(`Unknown corpus "${id}"; known: ${Object.keys(CORPORA).join(', ')}`);
  return c;
}

function recipeFromArgs(): { recipe: Recipe; out: string } {
  const { values } = parseArgs({
    options: {
      sources: { type: 'string' },
      weight: { type: 'string', multiple: true },
      dev: { type: 'string' },
      epochs: { type: 'string' },
      folds: { type: 'string' },
      bits: { type: 'string' },
      seed: { type: 'string' },
      single: { type: 'boolean' },
      'no-gazetteer': { type: 'boolean' },
      out: { type: 'string' },
    },
  });
  const weights = new Map(
    (values.weight ?? []).map((w) => {
      const [id, v] = w.split('=');
      return [id!, Number(v)];
    }),
  );
  const sources = values.sources
    ? values.sources.split(',').map((id) => ({ id, weight: 1 }))
    : SHIPPED.sources.map((s) => ({ ...s }));
  for (const s of sources) s.weight = weights.get(s.id) ?? s.weight;
  const recipe: Recipe = {
    ...SHIPPED,
    sources,
    dev: values.dev ? values.dev.split(',') : SHIPPED.dev,
    epochs: values.epochs ? Number(values.epochs) : SHIPPED.epochs,
    folds: values.folds ? Number(values.folds) : SHIPPED.folds,
    bits: values.bits ? Number(values.bits) : SHIPPED.bits,
    seed: values.seed ? Number(values.seed) : SHIPPED.seed,
    single: values.single ?? SHIPPED.single,
    gazetteer: values['no-gazetteer'] ? false : SHIPPED.gazetteer,
  };
  recipe.dev = recipe.dev.filter((id) => !recipe.sources.some((s) => s.id === id));
  return { recipe, out: resolve(values.out ?? resolve(REPO, 'data/ner/model.bin')) };
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

async function main(): Promise<void> {
  const { recipe, out } = recipeFromArgs();
  const t0 = Date.now();
  const secs = (): string => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  const mask = (1 << recipe.bits) - 1;
  const gazetteer: Gazetteer | null = recipe.gazetteer ? await buildGazetteer() : null;
  const train = recipe.sources.flatMap((s) => prepareCorpus(corpus(s.id), mask, gazetteer, s.weight));
  const dev = new Map(recipe.dev.map((id) => [id, prepareCorpus(corpus(id), mask, gazetteer)]));
  console.log(`${train.length} training documents (${recipe.sources.map((s) => s.id).join(', ')}), ${secs()}`);
  const opt = { bits: recipe.bits, epochs: recipe.epochs, seed: recipe.seed };
  const firstPass = (m: NerWeights, d: TrainDoc): Uint8Array[] => d.feats.map((f) => viterbi(m, f));
  const report = (stage: string, tag: (d: TrainDoc) => Uint8Array[]): Record<string, TagF1> => {
    const scores: Record<string, TagF1> = {};
    for (const [id, docs] of dev) {
      const s = scoreTags(docs, tag);
      scores[id] = s;
      console.log(`  ${stage} ${id.padEnd(13)} F1 PER/ORG/LOC ${pct(s.plo)}  all four ${pct(s.all)}`);
    }
    return scores;
  };

  console.log('first pass, all training data');
  const first = trainPerceptron(train, opt, false);
  let scores = report('pass 1', (d) => firstPass(first, d));
  const models = [first];
  if (!recipe.single) {
    console.log(`first-pass labels of the training data from ${recipe.folds} held-out folds (${secs()})`);
    for (let k = 0; k < recipe.folds; k++) {
      const rest = train.filter((_, i) => i % recipe.folds !== k);
      const m = trainPerceptron(rest, opt, false);
      train.forEach((d, i) => {
        if (i % recipe.folds === k) d.stacked = stackedFeatures(d.words, firstPass(m, d), mask);
      });
    }
    console.log(`second pass (${secs()})`);
    const second = trainPerceptron(train, opt, true);
    models.push(second);
    const [m1, m2] = decodeBundle(encodeBundle({ models, gazetteer })).models;
    scores = report('written', (d) => {
      const st = stackedFeatures(d.words, firstPass(m1!, d), mask);
      return d.feats.map((f, i) => viterbi(m2!, f, st[i]));
    });
  }
  const bytes = encodeBundle({ models, gazetteer });
  writeFileSync(out, bytes);
  const manifest = {
    model: relative(REPO, out),
    sha256: sha256(bytes),
    bytes: bytes.length,
    recipe,
    command: `npm run train:ner -- ${process.argv.slice(2).join(' ')}`.trim(),
    trainedOn: recipe.sources.flatMap((s) =>
      corpusPaths(corpus(s.id)).map((p) => ({
        corpus: s.id,
        file: relative(NER_DATA, p),
        sha256: sha256(readFileSync(p)),
        convention: corpus(s.id).convention,
        weight: s.weight,
      })),
    ),
    gazetteer: gazetteer ? { entries: gazetteer.entries.size, from: 'compromise English lexicon (MIT)' } : null,
    devTaggerF1: scores,
  };
  writeFileSync(out.replace(/\.bin$/, '') + '.json', JSON.stringify(manifest, null, 2) + '\n');
  console.log(
    `wrote ${relative(REPO, out)}: ${(bytes.length / 1e6).toFixed(2)} MB, ${models.length} pass(es), ${secs()}`,
  );
}

const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);

await main();
