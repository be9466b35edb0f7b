// Joined mentions → entities: one per entity, its canonical name, its other spellings as
// aliases and its mentions in text order.
import type { Entity, Mention as EntityMention } from '../model/contract';
import type { NameType } from './clean-spans';
import type { Mention, MentionGraph } from './mention-graph';
import { entityKey } from './normalize-name';

interface Candidate {
  n: number;
  tokens: number;
  words: number;
  length: number;
  first: number;
  primary: boolean;
  type: NameType;
}

/**
 * The canonical name: a name as written rather than an acronym or alias; for a person the
 * fullest form (most words, then longest); otherwise most tokens, then most mentions.
 */
function better(c: Candidate, best: Candidate): boolean {
  if (c.primary !== best.primary) return c.primary;
  if (c.type === 'person' && best.type === 'person') {
    if (c.words !== best.words) return c.words > best.words;
    if (c.length !== best.length) return c.length > best.length;
  }
  if (c.tokens !== best.tokens) return c.tokens > best.tokens;
  if (c.n !== best.n) return c.n > best.n;
  return c.first < best.first;
}

function canonical(
  graph: MentionGraph,
  list: Mention[],
): { name: string; best: Candidate; spellings: string[] } | null {
  const counts = new Map<string, Candidate>();
  for (const m of list) {
    const s = graph.text.slice(m.start, m.end);
    const c = counts.get(s);
    if (c) {
      c.n++;
      c.primary ||= m.primary;
    } else
      counts.set(s, {
        n: 1,
        tokens: m.tokEnd - m.tokStart,
        words: s.split(/\s+/).length,
        length: s.length,
        first: m.start,
        primary: m.primary,
        type: graph.groups[m.group]!.type,
      });
  }
  let name = '';
  let best: Candidate | null = null;
  for (const [s, c] of counts) {
    if (!best || better(c, best)) {
      best = c;
      name = s;
    }
  }
  return best ? { name, best, spellings: [...counts.keys()] } : null;
}

export function buildEntities(graph: MentionGraph): Entity[] {
  const { text } = graph;
  const clusters = new Map<number, Mention[]>();
  for (const m of graph.mentions) {
    const root = graph.find(m.group);
    const list = clusters.get(root) ?? [];
    list.push(m);
    clusters.set(root, list);
  }
  const clusterForms = new Map<number, Set<string>>();
  graph.groups.forEach((g, i) => {
    const root = graph.find(i);
    const set = clusterForms.get(root) ?? new Set<string>();
    for (const f of g.forms) set.add(f);
    clusterForms.set(root, set);
  });
  const byKey = new Map<string, Entity>();
  for (const [root, list] of clusters) {
    list.sort((a, b) => a.start - b.start);
    const chosen = canonical(graph, list);
    if (!chosen) continue;
    const { name, best } = chosen;
    const mentions: EntityMention[] = [];
    let lastEnd = -1;
    let lastStart = -1;
    for (const m of list) {
      if (m.start === lastStart && m.end === lastEnd) continue;
      mentions.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end) });
      lastStart = m.start;
      lastEnd = m.end;
    }
    const forms = new Set(clusterForms.get(root));
    for (const s of chosen.spellings) forms.add(s);
    forms.delete(name);
    const key = entityKey(best.type, name);
    const existing = byKey.get(key);
    if (existing) {
      existing.mentions = [...existing.mentions, ...mentions].sort((a, b) => a.start - b.start);
      existing.aliases = [...new Set([...existing.aliases, ...forms])].filter((f) => f !== existing.name);
    } else {
      byKey.set(key, { key, name, type: best.type, aliases: [...forms], mentions });
    }
  }
  return [...byKey.values()];
}
