import { describe, it, expect } from 'vitest';
import { fold } from './fold';

describe('fold', () => {
  it('drops case and combining accents, keeps letters that do not decompose', () => {
    expect(fold('Café ÉLAN')).toBe('cafe elan');
    expect(fold('Bjørgvin')).toBe('bjørgvin');
  });
});
