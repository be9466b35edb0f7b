// The shipped model: a compact binary of quantized hashed weights (no strings).
// Layout: "GNER" | u8 version | u8 bits | u8 numTags | u8 0 | f32 scale | u32 buckets |
//         f32 trans[(T+1)*T] | varint bucket deltas | i16 LE weights[buckets*T]
// int8 loses about half a point of F1 (small averaged weights round to zero); int16 does not.
import { decodeGazetteer, encodeGazetteer, isGazetteer, type Gazetteer } from './gazetteer';
import { NUM_TAGS, type NerWeights } from './tagger';

const MAGIC = 0x524e4547; // "GNER" little-endian

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
  view.setUint32(0, MAGIC, true);
  out[4] = 1;
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

export interface ModelBundle {
  /** The first pass, then (optionally) the second pass. */
  models: NerWeights[];
  gazetteer: Gazetteer | null;
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

export function decodeBundle(bytes: Uint8Array): ModelBundle {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bundle: ModelBundle = { models: [], gazetteer: null };
  let p = 0;
  while (p + 4 <= bytes.length) {
    const len = view.getUint32(p, true);
    const chunk = bytes.subarray(p + 4, p + 4 + len);
    if (isGazetteer(chunk)) bundle.gazetteer = decodeGazetteer(chunk);
    else bundle.models.push(decodeModel(chunk));
    p += 4 + len;
  }
  if (bundle.models.length === 0) throw new Error('Empty NER model file');
  return bundle;
}

export function decodeModel(bytes: Uint8Array): NerWeights {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 16 || view.getUint32(0, true) !== MAGIC || bytes[4] !== 1 || bytes[6] !== NUM_TAGS) {
    throw new Error('Not a Gloss NER model file');
  }
  const bits = bytes[5]!;
  const scale = view.getFloat32(8, true);
  const count = view.getUint32(12, true);
  const trans = new Float32Array((NUM_TAGS + 1) * NUM_TAGS);
  for (let i = 0; i < trans.length; i++) trans[i] = view.getFloat32(16 + i * 4, true);
  let p = 16 + trans.length * 4;
  const indices = new Uint32Array(count);
  let prev = 0;
  for (let k = 0; k < count; k++) {
    let d = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[p++]!;
      d |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    prev += d;
    indices[k] = prev;
  }
  const weights = new Int16Array((1 << bits) * NUM_TAGS);
  for (let k = 0; k < count; k++) {
    const base = indices[k]! * NUM_TAGS;
    for (let t = 0; t < NUM_TAGS; t++) {
      weights[base + t] = view.getInt16(p, true);
      p += 2;
    }
  }
  return { bits, weights, scale, trans };
}
