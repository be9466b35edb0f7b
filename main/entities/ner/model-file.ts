// Reads the shipped model: a compact binary of quantized hashed weights (no strings).
// Layout of one model: "GNER" | u8 version | u8 bits | u8 numTags | u8 0 | f32 scale | u32 buckets |
//         f32 trans[(T+1)*T] | varint bucket deltas | i16 LE weights[buckets*T]
// The file is a run of chunks (u32 length, then a model or the gazetteer); the training
// tools (tests/tools/ner/encode-model.ts) write it.
import { decodeGazetteer, isGazetteer, type Gazetteer } from './gazetteer';
import { NUM_TAGS, type NerWeights } from './tagger';

export const MODEL_MAGIC = 0x524e4547; // "GNER" little-endian
export const MODEL_VERSION = 1;

export interface ModelBundle {
  /** The first pass, then (optionally) the second pass. */
  models: NerWeights[];
  gazetteer: Gazetteer | null;
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
  if (
    bytes.byteLength < 16 ||
    view.getUint32(0, true) !== MODEL_MAGIC ||
    bytes[4] !== MODEL_VERSION ||
    bytes[6] !== NUM_TAGS
  ) {
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
