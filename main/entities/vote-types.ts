// One name, one type where the tagger disagrees with itself about a person: the mentions
// of a name vote, so "Aflao" called a person once and a place twice is a place.
// Organization against place is left alone: the same name may rightly be a country in one
// sentence and its team in the next (a vote there cost F1 on the dev data).
import type { NameSpan, NameType } from './clean-spans';
import type { Token } from './ner/tokenize';
import { normalizeName } from './normalize-name';

export function voteTypes(
  text: string,
  tokens: readonly Token[],
  spans: NameSpan[],
  norm: (name: string) => string = normalizeName,
): NameSpan[] {
  const votes = new Map<string, Record<NameType, number>>();
  const norms = spans.map((s) => norm(text.slice(tokens[s.ts]!.start, tokens[s.te - 1]!.end)));
  spans.forEach((s, i) => {
    const v = votes.get(norms[i]!) ?? { person: 0, organization: 0, place: 0 };
    v[s.type]++;
    votes.set(norms[i]!, v);
  });
  return spans.map((s, i) => {
    const v = votes.get(norms[i]!)!;
    const other: NameType = v.organization >= v.place ? 'organization' : 'place';
    if (s.type === 'person' && v[other] > v.person) return { ...s, type: other };
    if (s.type !== 'person' && v.person > v.organization + v.place) return { ...s, type: 'person' };
    return s;
  });
}
