import { describe, expect, it } from 'vitest';
import { classifyLink } from './open-link';

describe('classifyLink', () => {
  it('opens only https and mailto, scrolls to fragments, refuses the rest', () => {
    expect(classifyLink('https://example.org/x')).toBe('external');
    expect(classifyLink('MAILTO:editor@example.org')).toBe('external');
    expect(classifyLink('#notes')).toBe('anchor');
    expect(classifyLink('http://example.org')).toBe('insecure');
    for (const href of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://local/x',
      'data:text/html,x',
      'relative/path',
      '',
      null,
    ]) {
      expect(classifyLink(href)).toBe('blocked');
    }
  });
});
