// Tagged name spans → person/organization/place entities: cleaned mentions (clean-spans)
// grouped by normalized name, then joined by the merge rules, each in its own module.
import type { Entity } from '../model/contract';
import { buildEntities } from './build-entities';
import { cleanSpans } from './clean-spans';
import { defineAcronyms } from './define-acronyms';
import { joinAliases } from './join-aliases';
import { joinFirstNames } from './join-first-names';
import { joinInitials } from './join-initials';
import { joinInnerAcronyms } from './join-inner-acronyms';
import { joinSurnames } from './join-surnames';
import { MentionGraph } from './mention-graph';
import { propagateNames } from './propagate-names';
import type { TaggedText } from './tag-text';
import { titleCaseTokens } from './title-case-headings';
import { voteTypes } from './vote-types';

export interface MergeOptions {
  /** Also mark later occurrences of a found name that the tagger missed (default true). */
  propagate?: boolean;
}

export function mergeMentions(text: string, tagged: TaggedText, options: MergeOptions = {}): Entity[] {
  const graph = new MentionGraph(text, tagged.tokens);
  const propagate = options.propagate !== false;

  // Clean the tagged spans (punctuation, possessives, titles), then let the mentions of one
  // name vote on its type where the tagger called it a person in some places only.
  const cleaned = voteTypes(text, tagged.tokens, cleanSpans(text, tagged), (s) => graph.norm(s));
  const heading = titleCaseTokens(text, tagged.tokens, tagged.sentences);
  const normOf = (c: { ts: number; te: number }): string => graph.norm(graph.surface(c.ts, c.te));
  const inProse = new Set(cleaned.filter((c) => !heading[c.ts]).map(normOf));
  for (const c of cleaned) if (!heading[c.ts] || inProse.has(normOf(c))) graph.add(c.ts, c.te, c.type, true);
  graph.reindex();

  defineAcronyms(graph, tagged);
  if (propagate) {
    propagateNames(graph, tagged);
    graph.reindex();
  }
  joinAliases(graph);
  joinInitials(graph);
  joinInnerAcronyms(graph);
  joinSurnames(graph, tagged);
  joinFirstNames(graph);
  if (propagate) propagateNames(graph, tagged);
  return buildEntities(graph);
}
