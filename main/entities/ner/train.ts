// Trains the NER tagger and writes data/ner/model.bin: two averaged structured
// perceptrons, the second seeing the first's labels of the same words elsewhere in the
// document (stacking; the first pass's labels on the training data come from models
// that did not see that document).
// Usage: npx tsx main/entities/ner/train.ts [TRAIN] [--extra FILE]... [--dev DEV]
//          [--epochs N] [--folds K] [--bits B] [--single] [--no-gazetteer] [--out FILE]
// Builds only from the files it is given; tune with --dev, never with test data.
import { writeFileSync } from 'node:fs';
import { readConll, type ConllDocument } from './conll-reader';
import { documentFeatures, stackedFeatures, type SentenceFeatures } from './features';
import { buildGazetteer } from './build-gazetteer';
import type { Gazetteer } from './gazetteer';
import { decodeBundle, encodeBundle } from './model-file';
import { NUM_TAGS, START, TAGS, tagsToSpans, viterbi, type NerWeights } from './tagger';

interface Options {
  train: string;
  dev?: string;
  extra: string[];
  epochs: number;
  folds: number;
  bits: number;
  single: boolean;
  noGazetteer: boolean;
  out: string;
}

function parseArgs(): Options {
  const a = process.argv.slice(2);
  const o: Options = {
    train: '/work/shared/eval/ner/conll2003-train.txt',
    extra: [],
    epochs: 10,
    folds: 4,
    bits: 18,
    single: false,
    noGazetteer: false,
    out: 'data/ner/model.bin',
  };
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v === '--dev') o.dev = a[++i];
    else if (v === '--extra') o.extra.push(a[++i]!);
    else if (v === '--epochs') o.epochs = Number(a[++i]);
    else if (v === '--folds') o.folds = Number(a[++i]);
    else if (v === '--bits') o.bits = Number(a[++i]);
    else if (v === '--single') o.single = true;
    else if (v === '--no-gazetteer') o.noGazetteer = true;
    else if (v === '--out') o.out = a[++i]!;
    else o.train = v;
  }
  return o;
}

const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));

interface Doc {
  words: string[][];
  gold: Uint8Array[];
  feats: SentenceFeatures[];
  stacked: SentenceFeatures[] | null;
}

function prepare(docs: ConllDocument[], mask: number, gazetteer: Gazetteer | null): Doc[] {
  return docs.map((doc) => {
    const words = doc.map((s) => s.tokens);
    return {
      words,
      gold: doc.map((s) => Uint8Array.from(s.tags.map((t) => TAG_INDEX.get(t) ?? 0))),
      feats: documentFeatures(words, mask, gazetteer),
      stacked: null,
    };
  });
}

function shuffle<T>(xs: T[], seed: number): void {
  let s = seed;
  for (let i = xs.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}

/** Averaged structured perceptron over sentences of `docs` (stacked features when `stage2`). */
function trainPerceptron(
  docs: Doc[],
  opt: Options,
  stage2: boolean,
  report?: (epoch: number, m: NerWeights) => string,
): NerWeights {
  const size = (1 << opt.bits) * NUM_TAGS;
  const w = new Float32Array(size);
  const u = new Float64Array(size);
  const tr = new Float32Array((NUM_TAGS + 1) * NUM_TAGS);
  const tu = new Float64Array(tr.length);
  const model: NerWeights = { bits: opt.bits, weights: w, scale: 1, trans: tr };
  let c = 1;
  const averaged = (): NerWeights => {
    const aw = new Float32Array(size);
    for (let i = 0; i < size; i++) aw[i] = w[i]! - u[i]! / c;
    const at = new Float32Array(tr.length);
    for (let i = 0; i < tr.length; i++) at[i] = tr[i]! - tu[i]! / c;
    return { bits: opt.bits, weights: aw, scale: 1, trans: at };
  };
  const bump = (sf: SentenceFeatures, i: number, tag: number, d: number): void => {
    for (let k = sf.offs[i]!; k < sf.offs[i + 1]!; k++) {
      const j = sf.feats[k]! * NUM_TAGS + tag;
      w[j]! += d;
      u[j]! += c * d;
    }
  };
  const order: Array<[Doc, number]> = docs.flatMap((d) => d.gold.map((_, s) => [d, s] as [Doc, number]));
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    shuffle(order, epoch * 7919);
    for (const [doc, s] of order) {
      const sf = doc.feats[s]!;
      const extra = stage2 ? doc.stacked![s]! : undefined;
      const gold = doc.gold[s]!;
      const pred = viterbi(model, sf, extra);
      for (let i = 0; i < pred.length; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        const gp = i === 0 ? START : gold[i - 1]!;
        const pp = i === 0 ? START : pred[i - 1]!;
        if (g !== p) {
          bump(sf, i, g, 1);
          bump(sf, i, p, -1);
          if (extra) {
            bump(extra, i, g, 1);
            bump(extra, i, p, -1);
          }
        }
        if (g !== p || gp !== pp) {
          tr[gp * NUM_TAGS + g]! += 1;
          tu[gp * NUM_TAGS + g]! += c;
          tr[pp * NUM_TAGS + p]! -= 1;
          tu[pp * NUM_TAGS + p]! -= c;
        }
      }
      c++;
    }
    if (report) {
      const line = report(epoch, averaged());
      if (line) console.log(`  epoch ${epoch}: ${line}`);
    }
  }
  return averaged();
}

function firstPass(model: NerWeights, doc: Doc): Uint8Array[] {
  return doc.feats.map((f) => viterbi(model, f));
}

function score(docs: Doc[], tag: (d: Doc) => Uint8Array[]): { all: number; plo: number } {
  const counts = { all: [0, 0, 0], plo: [0, 0, 0] };
  for (const d of docs) {
    const pred = tag(d);
    d.gold.forEach((g, s) => {
      const key = (x: { start: number; end: number; type: string }): string => `${x.start}:${x.end}:${x.type}`;
      const gs = tagsToSpans(Array.from(g, (t) => TAGS[t]!));
      const ps = tagsToSpans(Array.from(pred[s]!, (t) => TAGS[t]!));
      for (const [name, keep] of [
        ['all', () => true],
        ['plo', (x: { type: string }) => x.type !== 'MISC'],
      ] as const) {
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

async function main(): Promise<void> {
  const opt = parseArgs();
  const t0 = Date.now();
  const secs = (): string => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  const mask = (1 << opt.bits) - 1;
  const gazetteer = opt.noGazetteer ? null : await buildGazetteer();
  const train = prepare([...readConll(opt.train), ...opt.extra.flatMap((f) => readConll(f))], mask, gazetteer);
  const dev = opt.dev ? prepare(readConll(opt.dev), mask, gazetteer) : [];
  console.log(`${train.length} training documents, features in ${secs()}`);
  const devReport =
    (stage: (m: NerWeights) => (d: Doc) => Uint8Array[]) =>
    (epoch: number, m: NerWeights): string => {
      if (!dev.length || (epoch < opt.epochs - 3 && epoch % 3 !== 0)) return '';
      const s = score(dev, stage(m));
      return `dev F1 all=${s.all.toFixed(4)} PER/ORG/LOC=${s.plo.toFixed(4)}  (${secs()})`;
    };

  console.log('first pass, all training data');
  const first = trainPerceptron(
    train,
    opt,
    false,
    devReport((m) => (d) => firstPass(m, d)),
  );
  const models = [first];
  if (!opt.single) {
    console.log(`first-pass labels of the training data from ${opt.folds} held-out folds`);
    for (let k = 0; k < opt.folds; k++) {
      const fold = train.filter((_, i) => i % opt.folds === k);
      const rest = train.filter((_, i) => i % opt.folds !== k);
      const m = trainPerceptron(rest, opt, false);
      for (const d of fold) d.stacked = stackedFeatures(d.words, firstPass(m, d), mask);
      console.log(`  fold ${k + 1}/${opt.folds} (${secs()})`);
    }
    for (const d of dev) d.stacked = stackedFeatures(d.words, firstPass(first, d), mask);
    console.log('second pass');
    const second = trainPerceptron(
      train,
      opt,
      true,
      devReport((m) => (d) => d.feats.map((f, s) => viterbi(m, f, d.stacked![s]))),
    );
    models.push(second);
  }
  const bytes = encodeBundle({ models, gazetteer });
  writeFileSync(opt.out, bytes);
  console.log(`wrote ${opt.out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${models.length} pass(es), in ${secs()}`);
  if (dev.length) {
    const {
      models: [m1, m2],
    } = decodeBundle(bytes);
    const s = score(dev, (d) => {
      const tags = firstPass(m1!, d);
      if (!m2) return tags;
      const st = stackedFeatures(d.words, tags, mask);
      return d.feats.map((f, i) => viterbi(m2, f, st[i]));
    });
    console.log(`dev F1 of the written model: all=${s.all.toFixed(4)} PER/ORG/LOC=${s.plo.toFixed(4)}`);
  }
}

await main();
