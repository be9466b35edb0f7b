// The ways an article may later call a person by surname alone: "Adaeze Okonkwo-Harris" →
// "Okonkwo-Harris"; "Shahab al-Muhajir" → "al-Muhajir", "Muhajir"; "Pieter van der Berg" →
// "van der Berg", "Berg". Keys are normalized names (see normalize-name).
import { normalizeName } from './normalize-name';

/** Lower-case name particles that belong to the surname after them (hand-written). */
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ben',
  'ibn',
  'bint',
  'abu',
  'van',
  'von',
  'der',
  'den',
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'dos',
  'das',
  'la',
  'le',
  'ter',
  'ten',
  'zu',
]);
const PARTICLE_PREFIX = /^(?:al|el|ad|an|ar|as|at|az|ash|ul|bin|ibn|abu)[-‐‑]/i;

/** Surname keys of a full name of two words or more (none for a single word). */
export function surnameKeys(name: string): string[] {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return [];
  const last = words[words.length - 1]!;
  const keys = [normalizeName(last)];
  let i = words.length - 1;
  while (i > 1 && PARTICLES.has(words[i - 1]!.toLowerCase())) i--;
  if (i < words.length - 1) keys.push(normalizeName(words.slice(i).join(' ')));
  const stripped = last.replace(PARTICLE_PREFIX, '');
  if (stripped !== last && stripped.length > 1) keys.push(normalizeName(stripped));
  return keys;
}

/** True when `name` could be a surname on its own: one word, or particles and one word. */
export function isLoneName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  for (let i = 0; i < words.length - 1; i++) if (!PARTICLES.has(words[i]!.toLowerCase())) return false;
  return words.length > 0 && /^\p{Lu}/u.test(words[words.length - 1]!.replace(PARTICLE_PREFIX, ''));
}
