// Acronyms and the long forms they stand for: "Delta Tide Brotherhood (DTB)",
// "Nigerian Maritime Administration and Safety Agency (NIMASA)", "U.S." for "United States".
import type { Token } from './ner/tokenize';

/** Small words a long form may contain without giving the acronym a letter. */
const CONNECTORS = new Set([
  'of',
  'and',
  'for',
  'the',
  '&',
  'de',
  'la',
  'du',
  'des',
  'del',
  'der',
  'on',
  'in',
  'to',
  'at',
]);

/** The letters of an acronym ("U.S." → "US", "FIU-Benin" → "FIU"), or null if it is not one. */
export function acronymLetters(s: string): string | null {
  const base = s.replace(/[-‐‑][\p{Lu}][\p{L}]*$/u, '');
  const letters = base.replace(/[.&]/g, '');
  if (letters.length < 2 || letters.length > 10 || !/^\p{Lu}[\p{Lu}\p{Ll}\d]*$/u.test(letters)) return null;
  return (letters.match(/\p{Lu}/gu)?.length ?? 0) >= 2 ? letters : null;
}

/**
 * True when `words` spell `letters`: every word but connectors gives the acronym its first
 * letter, and may give more letters from inside it, in order ("NIgerian" → NI). Connectors
 * may give their first letter ("Department of Defense" → DoD). Strict: first letters only.
 */
export function spellsAcronym(words: readonly string[], letters: string, strict = false): boolean {
  const a = letters.toLowerCase();
  const ws = words.filter((w) => /\p{L}/u.test(w)).map((w) => w.toLowerCase());
  if (ws.length < 2 && !(ws.length === 1 && !strict && ws[0]!.length > a.length)) return false;
  if (CONNECTORS.has(ws[0]!)) return false;
  const fits = (wi: number, k: number): boolean => {
    if (wi < 0) return k < 0;
    if (k < 0) return false;
    const w = ws[wi]!;
    if (CONNECTORS.has(w)) return fits(wi - 1, k) || (!strict && w[0] === a[k] && fits(wi - 1, k - 1));
    for (let j = k; j >= 0 && (!strict || j === k); j--) {
      if (w[0] !== a[j]) continue;
      if (j < k && !isSubsequence(a.slice(j + 1, k + 1), w.slice(1))) continue;
      if (fits(wi - 1, j - 1)) return true;
    }
    return false;
  };
  return fits(ws.length - 1, a.length - 1);
}

function isSubsequence(needle: string, hay: string): boolean {
  let k = 0;
  for (let i = 0; i < hay.length && k < needle.length; i++) if (hay[i] === needle[k]) k++;
  return k === needle.length;
}

/**
 * Token index where the shortest long form spelling `letters` starts, ending at `end`
 * (exclusive), among capitalised words and connectors no earlier than `min`; -1 if none.
 */
export function longFormStart(tokens: readonly Token[], end: number, letters: string, min: number): number {
  const limit = Math.max(min, end - (letters.length * 2 + 3));
  const words: string[] = [];
  for (let j = end - 1; j >= limit; j--) {
    const t = tokens[j]!.text;
    const connector = CONNECTORS.has(t.toLowerCase());
    if (!connector && !/^\p{Lu}/u.test(t)) return -1;
    words.unshift(t);
    if (!connector && t !== 'The' && spellsAcronym(words, letters)) return j;
  }
  return -1;
}
