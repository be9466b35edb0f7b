// In a Title Case heading every word looks like a name: the merge trusts a name found there
// only when the text also names it in an ordinary sentence.
import type { Token } from './ner/tokenize';

const HEADING_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'in',
  'on',
  'at',
  'to',
  'of',
  'for',
  'and',
  'or',
  'with',
  'from',
  'by',
  'as',
  'vs',
]);

/**
 * 1 for tokens of Title Case headings: a line of its own, four or more longer words, nearly all capitalised
 * but not in capitals, small words in lower case, and no numbers (tables look alike).
 */
export function titleCaseTokens(
  text: string,
  tokens: readonly Token[],
  sentences: Array<[number, number]>,
): Uint8Array {
  const out = new Uint8Array(tokens.length);
  for (const [a, b] of sentences) {
    // a heading is a line of its own, without a full stop
    const last = tokens[b - 1]!;
    if (/^[.!?…]$/.test(last.text) || !/^[^\S\n]*(?:\n|$)/.test(text.slice(last.end, last.end + 80))) continue;
    let words = 0;
    let caps = 0;
    let upper = 0;
    let small = 0;
    let digits = false;
    for (let i = a; i < b && !digits; i++) {
      const t = tokens[i]!.text;
      if (/\d/.test(t)) digits = true;
      else if (HEADING_SMALL_WORDS.has(t)) small++;
      else if (t.length >= 4 && /^\p{L}+$/u.test(t)) {
        words++;
        if (/^\p{Lu}/u.test(t)) caps++;
        if (!/\p{Ll}/u.test(t)) upper++;
      }
    }
    if (!digits && small > 0 && words >= 4 && caps * 10 >= words * 8 && upper * 2 < words) out.fill(1, a, b);
  }
  return out;
}
