// An acronym the text never defines joins the one multi-word name elsewhere whose initials
// spell it ("U.S." and "United States").
import { acronymLetters, spellsAcronym } from './acronyms';
import type { MentionGraph } from './mention-graph';

export function joinInitials(graph: MentionGraph): void {
  const long: Array<{ g: number; words: string[] }> = [];
  const acronyms: Array<{ g: number; letters: string }> = [];
  graph.groups.forEach((g, i) => {
    for (const form of g.forms) {
      const words = form.split(/\s+/);
      if (words.length >= 2) long.push({ g: i, words });
      else {
        const letters = acronymLetters(form);
        if (letters) acronyms.push({ g: i, letters });
      }
    }
  });
  if (acronyms.length === 0 || long.length === 0) return;
  const hasLongForm = new Set(long.map((l) => graph.find(l.g)));
  for (const { g, letters } of acronyms) {
    if (hasLongForm.has(graph.find(g))) continue; // defined in the text already
    const roots = new Set<number>();
    for (const l of long)
      if (l.words.length <= letters.length + 3 && spellsAcronym(l.words, letters, true)) roots.add(graph.find(l.g));
    if (roots.size === 1) graph.union([...roots][0]!, g);
  }
}
