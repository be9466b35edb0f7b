import type { Gloss } from '../../app/composition';
import type { SearchHit } from '../../model/contract';
import { UsageError } from '../command-line';

/** `gloss search QUERY`: the library search, best first; a hit shows its snippet with the hit in [brackets]. */
export async function searchCommand(gloss: Gloss, query: string, json: boolean): Promise<number> {
  if (!query.trim()) throw new UsageError('search needs something to look for.');
  // The query is complete as typed: its last word is a word, not a prefix.
  const found = await gloss.api.searchLibrary({ query: `${query.trim()} ` });
  if (json) {
    console.log(JSON.stringify(found, null, 2));
    return 0;
  }
  if (found.note) console.error(`gloss: ${found.note}`);
  for (const { article, hits } of found.results) {
    console.log(`${article.id}  ${article.title}`);
    for (const hit of hits) console.log(`    ${label(hit)}${marked(hit)}`);
  }
  if (found.results.length === 0) console.log('Nothing in the library matches.');
  else if (found.total > found.results.length) console.log(`… and ${found.total - found.results.length} more.`);
  return 0;
}

function label(hit: SearchHit): string {
  return hit.kind === 'highlight' ? `[${hit.color} highlight] ` : hit.kind === 'details' ? '[details] ' : '';
}

function marked(hit: SearchHit): string {
  const { text, marks } = hit.snippet;
  let out = '';
  let at = 0;
  for (const [s, e] of marks) {
    out += `${text.slice(at, s)}[${text.slice(s, e)}]`;
    at = e;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ');
}
