// Acronyms defined in the text: "Long Form (LF)", "Long Form of Place (LF-Place)". The long
// form and the acronym become one entity, and so does any other mention of the acronym.
import { acronymLetters, longFormStart, spellsAcronym } from './acronyms';
import type { Mention, MentionGraph } from './mention-graph';
import { normalizeName } from './normalize-name';
import type { TaggedText } from './tag-text';

export function defineAcronyms(graph: MentionGraph, tagged: TaggedText): void {
  const { tokens } = graph;
  const wordsOf = (a: number, b: number): string[] => tokens.slice(a, b).map((t) => t.text);
  const miscAt = new Set(
    tagged.spans.filter((s) => s.label === 'MISC' && s.tokenEnd === s.tokenStart + 1).map((s) => s.tokenStart),
  );
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')') continue;
    const acr = tokens[i + 1]!.text;
    const letters = acronymLetters(acr);
    if (!letters) continue;
    let long: Mention | undefined = graph.byEnd.get(i);
    // a tagged name that holds the spelled-out form keeps the tagger's bounds
    if (long && !spellsAcronym(withoutSuffix(wordsOf(long.tokStart, long.tokEnd), acr), letters)) {
      if (
        !capitalsSpell(graph.text.slice(long.start, long.end), letters) &&
        longFormStart(tokens, i, letters, long.tokStart) < 0
      )
        long = undefined;
    }
    if (!long) {
      const start = longFormStart(tokens, i, letters, 0);
      if (start < 0) continue;
      const acrGroup = graph.groupOfNorm(normalizeName(acr));
      // the spelled-out name replaces any pieces of it the tagger found
      const ms = graph.mentions;
      for (let k = ms.length - 1; k >= 0; k--) if (ms[k]!.tokStart < i && ms[k]!.tokEnd > start) ms.splice(k, 1);
      long = graph.add(start, i, acrGroup !== undefined ? graph.groups[acrGroup]!.type : 'organization', true);
      graph.reindex();
    }
    const type = graph.groups[long.group]!.type;
    let acrMention = graph.byStart.get(i + 1);
    // "FIU-Benin", which the tagger calls MISC, is still a mention of the name it stands for
    if ((!acrMention || acrMention.tokEnd !== i + 2) && miscAt.has(i + 1) && acr.length > letters.length + 1) {
      acrMention = graph.add(i + 1, i + 2, type, false);
      graph.reindex();
    }
    if (acrMention) {
      acrMention.primary = false;
      graph.union(long.group, acrMention.group);
    } else {
      const g = graph.groupFor(type, acr);
      graph.groups[g]!.forms.add(acr);
      graph.union(long.group, g);
    }
    const joins = new Set([normalizeName(acr), normalizeName(letters)]);
    for (const m of graph.mentions) if (joins.has(graph.groups[m.group]!.norm)) graph.union(long.group, m.group);
  }
}

/** "Federal Bureau of Investigation" spells FBI: same first letter, capitals in order. */
function capitalsSpell(longForm: string, letters: string): boolean {
  const want = letters.toUpperCase();
  const caps = longForm.replace(/[^\p{Lu}]/gu, '');
  if (caps[0] !== want[0] || longForm.replace(/[^\p{L}]/gu, '').length <= want.length) return false;
  let k = 0;
  for (const ch of caps) if (ch === want[k]) k++;
  return k === want.length;
}

/** "Financial Intelligence Unit of Benin" spells "FIU-Benin" as "Financial Intelligence Unit". */
function withoutSuffix(words: string[], acr: string): string[] {
  const suffix = /[-‐‑]([\p{L}]+)$/u.exec(acr)?.[1];
  const n = words.length;
  if (!suffix || n < 3 || words[n - 1] !== suffix || !/^(?:of|in|for)$/i.test(words[n - 2]!)) return words;
  return words.slice(0, n - 2);
}
