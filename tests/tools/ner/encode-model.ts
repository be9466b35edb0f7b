// Writes the model file that main/entities/ner/model-file.ts reads: weights quantized to
// 16-bit integers (int8 loses about half a point of F1, as small averaged weights round to
// zero; int16 does not), only the buckets that have a weight, and the gazetteer's hashes.
import { GAZETTEER_MAGIC, type Gazetteer } from '../../../main/entities/ner/gazetteer';
import { MODEL_MAGIC, MODEL_VERSION, type ModelBundle } from '../../../main/entities/ner/model-file';
import { NUM_TAGS, type NerWeights } from '../../../main/entities/ner/tagger';

const QMAX = 32767;

export function encodeModel(model: NerWeights): Uint8Array {
  const w = model.weights;
  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]! * model.scale));
  const scale = maxAbs / QMAX || 1;
  const buckets = 1 << model.bits;
  const kept: number[] = [];
  const q = new Int16Array(w.length);
  for (let b = 0; b < buckets; b++) {
    let any = false;
    for (let t = 0; t < NUM_TAGS; t++) {
      const v = Math.max(-QMAX, Math.min(QMAX, Math.round((w[b * NUM_TAGS + t]! * model.scale) / scale)));
      q[b * NUM_TAGS + t] = v;
      if (v !== 0) any = true;
    }
    if (any) kept.push(b);
  }
  const varints: number[] = [];
  let prev = 0;
  for (const b of kept) {
    let d = b - prev;
    prev = b;
    while (d >= 0x80) {
      varints.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    varints.push(d);
  }
  const headerLen = 16 + model.trans.length * 4;
  const out = new Uint8Array(headerLen + varints.length + kept.length * NUM_TAGS * 2);
  const view = new DataView(out.buffer);
  view.setUint32(0, MODEL_MAGIC, true);
  out[4] = MODEL_VERSION;
  out[5] = model.bits;
  out[6] = NUM_TAGS;
  view.setFloat32(8, scale, true);
  view.setUint32(12, kept.length, true);
  model.trans.forEach((v, i) => view.setFloat32(16 + i * 4, v, true));
  out.set(varints, headerLen);
  let p = headerLen + varints.length;
  for (const b of kept) {
    for (let t = 0; t < NUM_TAGS; t++) {
      view.setInt16(p, q[b * NUM_TAGS + t]!, true);
      p += 2;
    }
  }
  return out;
}

export function encodeGazetteer(g: Gazetteer): Uint8Array {
  const out = new Uint8Array(12 + g.entries.size * 6);
  const view = new DataView(out.buffer);
  view.setUint32(0, GAZETTEER_MAGIC, true);
  view.setUint32(4, g.maxWords, true);
  view.setUint32(8, g.entries.size, true);
  let p = 12;
  for (const [h, bits] of [...g.entries].sort((a, b) => a[0] - b[0])) {
    view.setUint32(p, h, true);
    view.setUint16(p + 4, bits, true);
    p += 6;
  }
  return out;
}

/** Everything in one file as chunks: u32 length, then a model or the gazetteer, repeated. */
export function encodeBundle(bundle: ModelBundle): Uint8Array {
  const parts = bundle.models.map(encodeModel);
  if (bundle.gazetteer) parts.push(encodeGazetteer(bundle.gazetteer));
  const out = new Uint8Array(parts.reduce((n, p) => n + 4 + p.length, 0));
  const view = new DataView(out.buffer);
  let p = 0;
  for (const part of parts) {
    view.setUint32(p, part.length, true);
    out.set(part, p + 4);
    p += 4 + part.length;
  }
  return out;
}
