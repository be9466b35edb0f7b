import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from './tokenize';

describe('tokenize', () => {
  it('keeps exact offsets and splits the Penn Treebank way', () => {
    const text = "Mr. Okafor’s team (the U.S. one) didn't pay $1,700.50 in Jan. 2011 — ok.";
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual([
      'Mr.',
      'Okafor',
      '’s',
      'team',
      '(',
      'the',
      'U.S.',
      'one',
      ')',
      'did',
      "n't",
      'pay',
      '$',
      '1,700.50',
      'in',
      'Jan.',
      '2011',
      '—',
      'ok',
      '.',
    ]);
  });

  it('splits sentences at final punctuation and line breaks, not after abbreviations', () => {
    const text = 'Dr. Ines Marlow arrived. She left at noon!\nHEADLINE HERE\nand a wrapped line.';
    const tokens = tokenize(text);
    const sentences = splitSentences(text, tokens).map(([a, b]) =>
      tokens
        .slice(a, b)
        .map((t) => t.text)
        .join(' '),
    );
    expect(sentences).toEqual([
      'Dr. Ines Marlow arrived .',
      'She left at noon !',
      'HEADLINE HERE and a wrapped line .',
    ]);
  });
});
