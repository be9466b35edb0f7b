// A name with an acronym inside it joins the same name with the acronym spelled out: "UN
// Security Council" and "United Nations Security Council", "U.S. Army" and "United States
// Army". The words around the acronym must be the same, and the spelled-out words must give
// its letters as their first letters (strictly: nothing is guessed from inside words), in
// exactly one other name of the article.
import { acronymLetters, spellsAcronym } from './acronyms';
import type { MentionGraph } from './mention-graph';
import { normalizeName } from './normalize-name';

interface Form {
  group: number;
  words: string[];
  norms: string[];
}

export function joinInnerAcronyms(graph: MentionGraph): void {
  const forms: Form[] = [];
  const withAcronym: Array<{ form: Form; at: number; letters: string }> = [];
  graph.groups.forEach((g, group) => {
    for (const s of g.forms) {
      const words = s.trim().split(/\s+/);
      if (words.length < 2) continue;
      const form = { group, words, norms: words.map(normalizeName) };
      forms.push(form);
      words.forEach((w, at) => {
        // an acronym is written in capitals ("UN", "U.S."), not a word such as "Security"
        const letters = /\p{Ll}/u.test(w.replace(/[-‐‑].*$/u, '')) ? null : acronymLetters(w);
        if (letters) withAcronym.push({ form, at, letters });
      });
    }
  });
  for (const { form, at, letters } of withAcronym) {
    const before = form.norms.slice(0, at);
    const after = form.norms.slice(at + 1);
    const roots = new Set<number>();
    for (const other of forms) {
      const spelled = other.words.length - before.length - after.length;
      if (spelled < 2 || spelled > letters.length + 2) continue;
      if (!before.every((w, k) => other.norms[k] === w)) continue;
      if (!after.every((w, k) => other.norms[before.length + spelled + k] === w)) continue;
      if (spellsAcronym(other.words.slice(before.length, before.length + spelled), letters, true))
        roots.add(graph.find(other.group));
    }
    if (roots.size === 1) graph.union([...roots][0]!, form.group);
  }
}
