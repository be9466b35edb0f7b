import { describe, expect, it } from 'vitest';
import { isolate, splitQuoted } from './bidi';

describe('splitQuoted', () => {
  it('isolates each quoted title or name, leaving the quotes with the sentence', () => {
    expect(splitQuoted('Merged “Bjørgvin” into “Bergen”.')).toEqual([
      { text: 'Merged “', quoted: false },
      { text: 'Bjørgvin', quoted: true },
      { text: '” into “', quoted: false },
      { text: 'Bergen', quoted: true },
      { text: '”.', quoted: false },
    ]);
  });

  it("reads the importer's straight quotes too, and a message with none as one part", () => {
    expect(splitQuoted('"\u202Etxt.exe" is empty.')).toEqual([
      { text: '"', quoted: false },
      { text: '\u202Etxt.exe', quoted: true },
      { text: '" is empty.', quoted: false },
    ]);
    expect(splitQuoted('Copied.')).toEqual([{ text: 'Copied.', quoted: false }]);
  });

  it('keeps every character, in order', () => {
    const message = 'Deleted “a “nested” title” and "x"';
    expect(
      splitQuoted(message)
        .map((p) => p.text)
        .join(''),
    ).toBe(message);
  });
});

describe('isolate', () => {
  it('wraps plain text in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE', () => {
    expect(isolate('\u202Eabc')).toBe('\u2068\u202Eabc\u2069');
  });
});
