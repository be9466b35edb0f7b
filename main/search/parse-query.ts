// A search box query as a person types it: words (the last one a prefix while
// typing), "quoted phrases", and field filters a person would guess.
import { HIGHLIGHT_COLORS, type HighlightColor } from '../model/contract';

export const QUERY_FIELDS = ['tag', 'color', 'author', 'site', 'entity'] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export interface ParsedQuery {
  /** Free words, in order. */
  words: string[];
  /** Exact phrases (without their quotes). */
  phrases: string[];
  filters: Array<{ field: QueryField; value: string }>;
  /** Colors named by color: that are not highlight colors (said back to the user). */
  unknownColors: string[];
}

// field:"a phrase" | field:word | "a phrase" | word
const TOKEN = /(\w+):"([^"]*)"?|(\w+):(\S+)|"([^"]*)"?|(\S+)/g;

export function parseQuery(query: string): ParsedQuery {
  const out: ParsedQuery = { words: [], phrases: [], filters: [], unknownColors: [] };
  for (const m of query.matchAll(TOKEN)) {
    const field = (m[1] ?? m[3])?.toLowerCase();
    const value = (m[2] ?? m[4] ?? '').trim();
    if (field && (QUERY_FIELDS as readonly string[]).includes(field)) {
      if (!value) continue;
      if (field === 'color' && !(HIGHLIGHT_COLORS as readonly string[]).includes(value.toLowerCase())) {
        out.unknownColors.push(value);
        continue;
      }
      out.filters.push({ field: field as QueryField, value: field === 'tag' ? value.replace(/^#/, '') : value });
    } else if (m[5] !== undefined) {
      if (m[5].trim()) out.phrases.push(m[5].trim());
    } else {
      // "word:thing" that is not a field is a word like any other (a time, "re:", a URL).
      out.words.push(m[0]);
    }
  }
  return out;
}

export function isHighlightColor(value: string): value is HighlightColor {
  return (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}
