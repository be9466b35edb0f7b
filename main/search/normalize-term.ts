// How a word is compared in search: case- and accent-insensitive ("Ekström" is
// found by "ekstrom"), and a few very common English words are not indexed, so
// "the harbour" ranks by "harbour".

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have in is it its of on or that the their this to was were with'.split(
    ' ',
  ),
);

/** The form a word is indexed and searched under; null for a stop word. */
export function normalizeTerm(term: string): string | null {
  const folded = term
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en-US');
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
}

/** The same folding over a whole text, keeping its length per character where it can (for snippets). */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en-US');
}
