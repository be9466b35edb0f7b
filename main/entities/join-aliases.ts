// Aliases: "Name, a.k.a. Other", "Name (also known as Other)", "Name alias Other": the alias
// is a mention of the name before it.
import type { MentionGraph } from './mention-graph';

const ALIAS_MARKERS: string[][] = [
  ['a.k.a.'],
  ['a.k.a'],
  ['aka'],
  ['alias'],
  ['also', 'known', 'as'],
  ['better', 'known', 'as'],
  ['otherwise', 'known', 'as'],
];
const ALIAS_FIRST = new Set(ALIAS_MARKERS.map((m) => m[0]!));
const PUNCT = /^[^\p{L}\p{N}]+$/u;

export function joinAliases(graph: MentionGraph): void {
  const { tokens } = graph;
  const lows = tokens.map((t) => t.text.toLowerCase());
  const lower = (i: number): string => lows[i] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    if (!ALIAS_FIRST.has(lows[i]!)) continue;
    const marker = ALIAS_MARKERS.find((m) => m.every((w, k) => lower(i + k) === w));
    if (!marker) continue;
    let a = i;
    while (a > 0 && a > i - 3 && PUNCT.test(tokens[a - 1]!.text) && !graph.byEnd.has(a)) a--;
    const named = graph.byEnd.get(a);
    if (!named) continue;
    let b = i + marker.length;
    while (b < tokens.length && (PUNCT.test(tokens[b]!.text) || lower(b) === 'the')) b++;
    let alias = graph.byStart.get(b);
    if (!alias) {
      let e = b;
      while (e < tokens.length && /^\p{Lu}/u.test(tokens[e]!.text)) e++;
      if (e === b) continue;
      alias = graph.add(b, e, graph.groups[named.group]!.type, false);
    }
    alias.primary = false;
    graph.union(named.group, alias.group);
  }
}
