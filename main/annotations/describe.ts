// Turns a range of the canonical text into the two W3C selectors we store.
// The quote's prefix/suffix (32 chars, as Hypothesis does) give re-anchoring
// enough context to tell repeated quotes apart after the text changes.
import type { TextPositionSelector, TextQuoteSelector } from '../model/contract';

const CONTEXT_CHARS = 32;

export function describeRange(text: string, start: number, end: number): [TextPositionSelector, TextQuoteSelector] {
  return [
    { type: 'TextPositionSelector', start, end },
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
      suffix: text.slice(end, Math.min(text.length, end + CONTEXT_CHARS)),
    },
  ];
}
