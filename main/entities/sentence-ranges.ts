// Character ranges of the sentences of a text, as the extractor splits them.
import { splitSentences, tokenize } from './ner/tokenize';

export function sentenceRanges(text: string): Array<[number, number]> {
  const tokens = tokenize(text);
  return splitSentences(text, tokens).map(([a, b]) => [tokens[a]!.start, tokens[b - 1]!.end]);
}

/** The sentence containing [start, end), from sorted ranges (the mention itself if none). */
export function sentenceAround(text: string, ranges: Array<[number, number]>, start: number, end: number): string {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid]!;
    if (b <= start) lo = mid + 1;
    else if (a > start) hi = mid - 1;
    else return text.slice(a, Math.max(b, end));
  }
  return text.slice(start, end);
}
