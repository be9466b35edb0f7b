// Trains the NER tagger (averaged structured perceptron) and writes data/ner/model.bin.
// Usage: npx tsx main/entities/ner/train.ts [TRAIN] [--dev DEV] [--extra FILE] [--epochs N] [--bits B] [--out FILE]
// Builds only from the files it is given; tune with --dev, never with test data.
import { writeFileSync } from 'node:fs';
import { readConll, type ConllDocument } from './conll-reader';
import { documentFeatures, type SentenceFeatures } from './features';
import { decodeModel, encodeModel } from './model-file';
import { NUM_TAGS, START, TAGS, tagsToSpans, viterbi, type NerWeights } from './tagger';

interface Example {
  sf: SentenceFeatures;
  gold: Uint8Array;
}

function args(): { train: string; dev?: string; extra: string[]; epochs: number; bits: number; out: string } {
  const a = process.argv.slice(2);
  let train = '/work/shared/eval/ner/conll2003-train.txt';
  let dev: string | undefined;
  const extra: string[] = [];
  let epochs = 12;
  let bits = 20;
  let out = 'data/ner/model.bin';
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v === '--dev') dev = a[++i];
    else if (v === '--extra') extra.push(a[++i]!);
    else if (v === '--epochs') epochs = Number(a[++i]);
    else if (v === '--bits') bits = Number(a[++i]);
    else if (v === '--out') out = a[++i]!;
    else train = v;
  }
  return { train, dev, extra, epochs, bits, out };
}

const TAG_INDEX = new Map<string, number>(TAGS.map((t, i) => [t, i]));

function examples(docs: ConllDocument[], mask: number): Example[] {
  const out: Example[] = [];
  for (const doc of docs) {
    const feats = documentFeatures(
      doc.map((s) => s.tokens),
      mask,
    );
    doc.forEach((s, i) => {
      out.push({ sf: feats[i]!, gold: Uint8Array.from(s.tags.map((t) => TAG_INDEX.get(t) ?? 0)) });
    });
  }
  return out;
}

function f1(model: NerWeights, data: Example[]): { all: number; plo: number } {
  const count = (keepMisc: boolean): number => {
    let tp = 0;
    let np = 0;
    let ng = 0;
    for (const ex of data) {
      const pred = viterbi(model, ex.sf);
      const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
      const keep = (s: { type: string }): boolean => keepMisc || s.type !== 'MISC';
      const g = new Set(tagsToSpans(Array.from(ex.gold, (t) => TAGS[t]!)).filter(keep).map(key));
      const p = tagsToSpans(Array.from(pred, (t) => TAGS[t]!)).filter(keep).map(key);
      ng += g.size;
      np += p.length;
      for (const k of p) if (g.has(k)) tp++;
    }
    const pr = tp / (np || 1);
    const rc = tp / (ng || 1);
    return (2 * pr * rc) / (pr + rc || 1);
  };
  return { all: count(true), plo: count(false) };
}

function shuffle<T>(xs: T[], seed: number): void {
  let s = seed;
  for (let i = xs.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}

function main(): void {
  const opt = args();
  const t0 = Date.now();
  const mask = (1 << opt.bits) - 1;
  const trainDocs = [...readConll(opt.train), ...opt.extra.flatMap((f) => readConll(f))];
  const train = examples(trainDocs, mask);
  const dev = opt.dev ? examples(readConll(opt.dev), mask) : [];
  console.log(`features: ${train.length} training sentences in ${Date.now() - t0} ms`);

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
  const order = train.slice();
  for (let epoch = 1; epoch <= opt.epochs; epoch++) {
    shuffle(order, epoch * 7919);
    let errors = 0;
    for (const ex of order) {
      const pred = viterbi(model, ex.sf);
      const n = pred.length;
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = ex.gold[i]!;
        const p = pred[i]!;
        const gp = i === 0 ? START : ex.gold[i - 1]!;
        const pp = i === 0 ? START : pred[i - 1]!;
        if (g !== p) {
          wrong = true;
          errors++;
          bump(ex.sf, i, g, 1);
          bump(ex.sf, i, p, -1);
        }
        if (g !== p || gp !== pp) {
          tr[gp * NUM_TAGS + g]! += 1;
          tu[gp * NUM_TAGS + g]! += c;
          tr[pp * NUM_TAGS + p]! -= 1;
          tu[pp * NUM_TAGS + p]! -= c;
        }
      }
      if (wrong || true) c++;
    }
    let line = `epoch ${epoch}: ${errors} token errors, ${((Date.now() - t0) / 1000).toFixed(1)} s`;
    if (dev.length && (epoch >= opt.epochs - 6 || epoch % 2 === 0)) {
      const s = f1(averaged(), dev);
      line += `  dev F1 all=${s.all.toFixed(4)} PER/ORG/LOC=${s.plo.toFixed(4)}`;
    }
    console.log(line);
  }
  const final = averaged();
  const bytes = encodeModel(final);
  writeFileSync(opt.out, bytes);
  console.log(`wrote ${opt.out}: ${(bytes.length / 1e6).toFixed(2)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (dev.length) {
    const s = f1(decodeModel(bytes), dev);
    console.log(`quantized dev F1 all=${s.all.toFixed(4)} PER/ORG/LOC=${s.plo.toFixed(4)}`);
  }
}

main();
