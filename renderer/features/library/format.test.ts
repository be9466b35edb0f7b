import { describe, expect, it } from 'vitest';
import { formatDate, formatMinutes, formatPercent, formatWords } from './format';

describe('format', () => {
  it('shows a bare date as that calendar day, whatever the time zone', () => {
    expect(formatDate('2025-11-03')).toMatch(/\b3\b/);
    expect(formatDate('2025-11-03')).not.toMatch(/\b2\b/);
    expect(formatDate('2026-11-27T10:00:00.000Z')).toMatch(/2026/);
  });
  it('shows a phrase that is not a date as written, and nothing for null', () => {
    expect(formatDate('early spring, 1998')).toBe('early spring, 1998');
    expect(formatDate(null)).toBe('');
  });
  it('reads naturally', () => {
    expect(formatWords(1)).toBe('1 word');
    expect(formatMinutes(0.4)).toBe('under a minute');
    expect(formatMinutes(12)).toBe('12 min read');
    expect(formatMinutes(125)).toBe('2 h 5 min read');
    expect(formatPercent(1.4)).toBe('100%');
  });
});
