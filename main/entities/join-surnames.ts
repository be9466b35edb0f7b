// A surname alone ("Okonkwo-Harris", "al-Muhajir", "van der Berg") joins the one full name it
// ends, whatever type the tagger gave the lone surname; a surname two full names share means,
// at each mention, the one named last before it.
import type { Mention, MentionGraph } from './mention-graph';
import { normalizeName } from './normalize-name';
import { isLoneName, surnameKeys } from './surname-keys';
import type { TaggedText } from './tag-text';

export function joinSurnames(graph: MentionGraph, tagged: TaggedText): void {
  const { groups } = graph;
  const bySurname = new Map<string, Set<number>>();
  const ambiguous = new Map<number, Set<number>>();
  groups.forEach((g, i) => {
    if (g.type !== 'person') return;
    for (const form of g.forms) {
      for (const k of surnameKeys(form)) {
        const s = bySurname.get(k) ?? new Set<number>();
        s.add(graph.find(i));
        bySurname.set(k, s);
      }
    }
  });
  groups.forEach((g, i) => {
    const targets = bySurname.get(g.norm);
    if (!targets || ![...g.forms].some(isLoneName)) return;
    if (targets.size === 1) graph.union([...targets][0]!, i);
    else if (g.type === 'person') ambiguous.set(i, targets);
  });
  if (ambiguous.size > 0) {
    nearestFullName(graph, ambiguous);
    // not a name to look for again: which person it means depends on where it stands
    for (const i of ambiguous.keys()) groups[i]!.forms.clear();
  }
  // the tagger calls some surnames MISC ("al-Rashidi"): those join too
  const taken = new Set(graph.mentions.map((m) => m.tokStart));
  for (const span of tagged.spans) {
    if (span.label !== 'MISC' || taken.has(span.tokenStart)) continue;
    const surface = graph.text.slice(span.start, span.end);
    const targets = bySurname.get(normalizeName(surface));
    if (!targets || targets.size !== 1 || !isLoneName(surface)) continue;
    const m = graph.add(span.tokenStart, span.tokenEnd, 'person', true);
    graph.union([...targets][0]!, m.group);
  }
}

/**
 * A surname that ends two full names ("Maria Okafor", "Chidi Okafor") means, at each
 * mention, the one named last before it (or first after it, if none was named before).
 */
function nearestFullName(graph: MentionGraph, ambiguous: Map<number, Set<number>>): void {
  const wanted = new Set<number>();
  for (const roots of ambiguous.values()) for (const r of roots) wanted.add(r);
  const byRoot = new Map<number, Mention[]>();
  for (const m of graph.mentions) {
    const root = graph.find(m.group);
    if (!wanted.has(root) || ambiguous.has(m.group)) continue;
    const list = byRoot.get(root) ?? [];
    list.push(m);
    byRoot.set(root, list);
  }
  for (const list of byRoot.values()) list.sort((a, b) => a.start - b.start);
  for (const m of graph.mentions) {
    const roots = ambiguous.get(m.group);
    if (!roots) continue;
    let best: Mention | undefined;
    let bestAfter: Mention | undefined;
    for (const root of roots) {
      const list = byRoot.get(root);
      if (!list) continue;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.start < m.start) lo = mid + 1;
        else hi = mid;
      }
      const before = list[lo - 1];
      if (before && (!best || before.start > best.start)) best = before;
      const after = list[lo];
      if (after && (!bestAfter || after.start < bestAfter.start)) bestAfter = after;
    }
    const to = best ?? bestAfter;
    if (to) m.group = to.group;
  }
}
