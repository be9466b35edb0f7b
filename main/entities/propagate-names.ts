// Later occurrences of a known name that the tagger did not mark become mentions too.
import type { MentionGraph } from './mention-graph';
import type { TaggedText } from './tag-text';

export function propagateNames(graph: MentionGraph, tagged: TaggedText): void {
  const { text, tokens, groups } = graph;
  const owner = new Map<string, number>();
  groups.forEach((g, i) => {
    const root = graph.find(i);
    for (const form of g.forms) {
      if (form.length < 2 || !/\p{Lu}/u.test(form)) continue;
      const prev = owner.get(form);
      owner.set(form, prev === undefined || graph.find(prev) === root ? i : -1);
    }
  });
  const forms = [...owner].filter(([, g]) => g >= 0).map(([f]) => f);
  if (forms.length === 0) return;
  forms.sort((a, b) => b.length - a.length);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const covered = new Uint8Array(text.length + 1);
  for (const m of graph.mentions) covered.fill(1, m.start, m.end);
  // a tagged span wholly inside a longer known name does not stop it ("Islamic" in "Islamic State")
  const spanAt = new Int32Array(text.length + 1).fill(-1);
  tagged.spans.forEach((span, k) => spanAt.fill(k, span.start, span.end));
  // inside another kind of name ("the U.S. Open"), a known name is not a mention of itself
  const capital = (i: number): boolean => /^\p{Lu}/u.test(tokens[i]?.text ?? '');
  const sentenceStarts = new Set(tagged.sentences.map(([a]) => a));
  const tokenAt = new Int32Array(text.length + 1).fill(-1);
  const tokenEndAt = new Int32Array(text.length + 1).fill(-1);
  for (let i = 0; i < tokens.length; i++) {
    tokenAt[tokens[i]!.start] = i;
    tokenEndAt[tokens[i]!.end] = i;
  }
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (covered[start] || covered[end - 1]) continue;
    const inside = (k: number): boolean =>
      k < 0 ||
      (tagged.spans[k]!.start >= start &&
        tagged.spans[k]!.end <= end &&
        tagged.spans[k]!.end - tagged.spans[k]!.start < end - start);
    if (!inside(spanAt[start]!) || !inside(spanAt[end - 1]!)) continue;
    const ts = tokenAt[start]!;
    const te = tokenEndAt[end]!;
    if (ts < 0 || te < 0) continue;
    // next to another capitalised word it is probably part of a longer name
    if (capital(te + 1) || (capital(ts - 1) && !sentenceStarts.has(ts))) continue;
    const g = owner.get(m[0])!;
    graph.mentions.push({ start, end, tokStart: ts, tokEnd: te + 1, group: g, primary: true });
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
