// Each query term's results, kept while the index is unchanged, so typing
// "minister bu…" scores "minister" once rather than at every keystroke. Terms are
// combined as MiniSearch's AND does: a document must match every term, and its score
// is the sum of the terms' scores (MiniSearch then multiplies by the number of terms,
// which does not change the order).
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import type { SearchDocument } from './search-documents';

export interface TermQuery {
  term: string;
  prefix: boolean;
  fuzzy: number | false;
}

const KEEP = 8;

/** A document that matched every term, with its summed score. */
export interface Scored {
  id: string;
  score: number;
}

/** One term's results, kept compact: MiniSearch's result objects are let go at once. */
interface Kept {
  ids: string[];
  scores: Float64Array;
}

export interface TermResults {
  /** The documents matching every term, best first. */
  matchAll(index: MiniSearch<SearchDocument>, version: number, terms: readonly TermQuery[]): Scored[];
}

function compact(results: readonly SearchResult[]): Kept {
  const ids = new Array<string>(results.length);
  const scores = new Float64Array(results.length);
  results.forEach((r, i) => {
    ids[i] = r.id as string;
    scores[i] = r.score;
  });
  return { ids, scores };
}

export function createTermResults(): TermResults {
  let keptFor: { index: MiniSearch<SearchDocument>; version: number } | null = null;
  const kept = new Map<string, Kept>();

  function resultsOf(index: MiniSearch<SearchDocument>, q: TermQuery): Kept {
    const key = JSON.stringify([q.term, q.prefix, q.fuzzy]);
    let results = kept.get(key);
    // Moved to the end when used again: the most recently used is kept longest.
    if (results) kept.delete(key);
    else results = compact(index.search(q.term, { prefix: q.prefix, fuzzy: q.fuzzy }));
    kept.set(key, results);
    if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
    return results;
  }

  return {
    matchAll(index, version, terms) {
      if (keptFor?.index !== index || keptFor.version !== version) {
        kept.clear();
        keptFor = { index, version };
      }
      const lists = terms.map((q) => resultsOf(index, q)).sort((a, b) => a.ids.length - b.ids.length);
      const [smallest, ...rest] = lists as [Kept, ...Kept[]];
      const scores = Float64Array.from(smallest.scores);
      if (rest.length) {
        const at = new Map<string, number>();
        smallest.ids.forEach((id, i) => at.set(id, i));
        for (const list of rest) {
          const seen = new Uint8Array(scores.length);
          list.ids.forEach((id, k) => {
            const i = at.get(id);
            if (i === undefined) return;
            seen[i] = 1;
            scores[i]! += list.scores[k]!;
          });
          seen.forEach((s, i) => {
            if (!s) scores[i] = -1;
          });
        }
      }
      const out: Scored[] = [];
      smallest.ids.forEach((id, i) => {
        if (scores[i]! >= 0) out.push({ id, score: scores[i]! });
      });
      return rest.length ? out.sort((a, b) => b.score - a.score) : out;
    },
  };
}
