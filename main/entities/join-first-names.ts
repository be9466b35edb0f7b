// A first name alone ("Amara") joins the full name it begins ("Amara Okonjo"), but only when
// one person in the article has that first name and no one has it as a surname: unlike a
// surname, a first name shared by two people is not resolved by nearness, since articles
// use first names alone far less often and a wrong join puts one person's words in another's.
import type { MentionGraph } from './mention-graph';
import { normalizeName } from './normalize-name';
import { surnameKeys } from './surname-keys';

/** A first name as written: capitalised, with a small letter after ("Amara", not "U.S." or "J."). */
const FIRST_NAME = /^\p{Lu}\p{Ll}[\p{L}'’-]*$/u;
/** A word of a full name: "Okonjo", "al-Rashidi", "J.", a particle; not "VI" or "G". */
const NAME_WORD = /^(?:\p{Lu}\p{Ll}[\p{L}'’-]*|\p{Lu}\.|\p{Ll}{1,4}|\p{Ll}{1,3}[-‐‑]\p{Lu}\p{Ll}+)$/u;

export function joinFirstNames(graph: MentionGraph): void {
  const { groups } = graph;
  const byFirst = new Map<string, Set<number>>();
  const surnames = new Set<string>();
  const withFullName = new Set<number>();
  groups.forEach((g, i) => {
    if (g.type !== 'person') return;
    for (const form of g.forms) {
      const words = form.trim().split(/\s+/);
      if (words.length < 2) continue;
      const root = graph.find(i);
      withFullName.add(root);
      for (const k of surnameKeys(form)) surnames.add(k);
      // "Charles VI", "Green G": a title or a thing the tagger took for a person, not a first name
      if (words.length > 4 || !FIRST_NAME.test(words[0]!) || !words.every((w) => NAME_WORD.test(w))) continue;
      const first = normalizeName(words[0]!);
      const roots = byFirst.get(first) ?? new Set<number>();
      roots.add(root);
      byFirst.set(first, roots);
    }
  });
  if (byFirst.size === 0) return;
  groups.forEach((g, i) => {
    // a person the tagger found by this one word, not yet part of someone's full name
    if (g.type !== 'person' || g.forms.size === 0 || withFullName.has(graph.find(i))) return;
    if (![...g.forms].every((f) => FIRST_NAME.test(f.trim()))) return;
    const roots = byFirst.get(g.norm);
    if (!roots || roots.size !== 1 || surnames.has(g.norm)) return;
    graph.union([...roots][0]!, i);
  });
}
