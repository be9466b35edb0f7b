// Gloss's title convention, for comparing its titles with Readability's.

export function fold(s: string | null): string {
  return (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const SITE_SEPARATOR = /\s+(?:[|·•»/]|::|[-–—])\s+|\s*\[[^\]]*\]$/u;

/**
 * Gloss's title convention (README, "Using Gloss"): the headline, without the site name a page title
 * adds after a separator ("Headline | Site", "Headline - Site"). So a title matches Readability's when
 * the two are the same words, or when Readability's is Gloss's plus such a suffix of at most six words.
 */
export function titleMatches(ours: string | null, expected: string | null, site: string | null = null): boolean {
  const a = fold(ours);
  const b = fold(expected);
  if (a === '' || b === '') return a === b;
  if (a === b) return true;
  const parts = (expected ?? '').split(SITE_SEPARATOR);
  for (let cut = parts.length - 1; cut >= 1; cut--) {
    const head = fold(parts.slice(0, cut).join(' '));
    const tail = fold(parts.slice(cut).join(' '));
    if (head === a && (tail.split(' ').length <= 6 || tail === fold(site))) return true;
  }
  return false;
}
