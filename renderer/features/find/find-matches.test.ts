import { describe, expect, it } from 'vitest';
import { describeMatches, findMatches } from './find-matches';

describe('findMatches', () => {
  const text = 'The harbour at dawn. The Harbour at\nnoon. (Harbours) cost $5.';

  it('finds every occurrence regardless of case', () => {
    expect(findMatches(text, 'harbour').map((m) => m.start)).toEqual([4, 25, 43]);
  });

  it('lets a space in the query match a line break', () => {
    const [m] = findMatches(text, 'harbour at noon');
    expect(text.slice(m!.start, m!.start + m!.length)).toBe('Harbour at\nnoon');
  });

  it('treats the query as text, not a pattern', () => {
    expect(findMatches(text, '(Harbours)')).toEqual([{ start: 42, length: 10 }]);
    expect(findMatches(text, '$5.')).toHaveLength(1);
  });

  it('finds nothing for an empty or blank query and stops at the cap', () => {
    expect(findMatches(text, '   ')).toEqual([]);
    expect(findMatches('aaaa', 'a', 2)).toHaveLength(2);
  });
});

describe('status', () => {
  it('says where we are', () => {
    expect(describeMatches(2, 12)).toBe('3 of 12');
    expect(describeMatches(0, 0)).toBe('No matches');
  });
});
