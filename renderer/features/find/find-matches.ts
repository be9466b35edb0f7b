// Where a query occurs in the article's canonical text: case-insensitive, and
// any run of spaces in the query matches any run of whitespace (a phrase may
// wrap across a line break in the source). Offsets index the canonical text,
// which is also the article root's text content, so they feed mark.js's
// markRanges directly.

export interface TextMatch {
  start: number;
  length: number;
}

export const MAX_MATCHES = 5000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function findMatches(text: string, query: string, max = MAX_MATCHES): TextMatch[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'giu');
  const out: TextMatch[] = [];
  for (const m of text.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    out.push({ start: m.index, length: m[0].length });
    if (out.length >= max) break;
  }
  return out;
}

/** "3 of 12", for the status next to the find field. */
export function describeMatches(current: number, total: number, capped = false): string {
  if (total === 0) return 'No matches';
  return `${current + 1} of ${total}${capped ? '+' : ''}`;
}
