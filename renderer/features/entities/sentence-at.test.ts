import { describe, expect, it } from 'vitest';
import { sentenceAt } from './sentence-at';

const TEXT =
  'A Title\n\nThe council met on 12 March 2024. Dr. Okafor said 4,000 residents had signed! Was it the U.N. plan? No.\nLast line 2019';

function around(phrase: string): string {
  const start = TEXT.indexOf(phrase);
  return sentenceAt(TEXT, start, start + phrase.length);
}

describe('sentenceAt', () => {
  it('returns the sentence holding the mention', () => {
    expect(around('12 March 2024')).toBe('The council met on 12 March 2024.');
  });

  it('does not stop at abbreviations', () => {
    expect(around('4,000 residents')).toBe('Dr. Okafor said 4,000 residents had signed!');
    expect(around('plan')).toBe('Was it the U.N. plan?');
  });

  it('stops at line breaks (headings, paragraphs)', () => {
    expect(around('2019')).toBe('Last line 2019');
    expect(around('Title')).toBe('A Title');
  });
});
