// A gazetteer of name words and phrases (first names, cities, countries, …) kept only as
// hashes with category bits: the tagger uses membership as a feature.
import { fnvStart } from './hash';

export const GAZ_CATEGORIES = [
  'first',
  'last',
  'person',
  'city',
  'country',
  'region',
  'place',
  'organization',
  'team',
  'demonym',
  'actor',
  'honorific',
  'date',
] as const;

export interface Gazetteer {
  /** Hash of the lowercased phrase (words joined by single spaces) → category bits. */
  entries: Map<number, number>;
  maxWords: number;
}

export const GAZETTEER_MAGIC = 0x5a414747; // "GGAZ"

/** FNV-1a of lowercased words joined by spaces, extended by one (already lowercased) word. */
export function extendLowerPhraseHash(h: number, lower: string, first: boolean): number {
  if (!first) h = Math.imul(h ^ 32, 16777619);
  for (let i = 0; i < lower.length; i++) h = Math.imul(h ^ lower.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function phraseHash(phrase: string): number {
  const words = phrase.split(' ');
  let h = fnvStart(0);
  words.forEach((w, i) => (h = extendLowerPhraseHash(h, w.toLowerCase(), i === 0)));
  return h;
}

export function isGazetteer(bytes: Uint8Array): boolean {
  return (
    bytes.byteLength >= 12 &&
    new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true) === GAZETTEER_MAGIC
  );
}

export function decodeGazetteer(bytes: Uint8Array): Gazetteer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const maxWords = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  const entries = new Map<number, number>();
  for (let k = 0, p = 12; k < count; k++, p += 6) entries.set(view.getUint32(p, true), view.getUint16(p + 4, true));
  return { entries, maxWords };
}
