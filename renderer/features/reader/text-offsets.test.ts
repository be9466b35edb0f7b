// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { rangeFromOffsets, textOffsetOf } from './text-offsets';

function body(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('canonical offsets', () => {
  const root = body('<h2>Tides</h2><p>The <mark>harbour</mark> moved.</p><ul><li>One</li></ul>');
  // textContent: "TidesThe harbour moved.One"

  it('maps a range back to the exact canonical substring, across element boundaries', () => {
    const text = root.textContent ?? '';
    for (const [start, end] of [
      [0, 5],
      [5, 8],
      [9, 16],
      [3, 20],
      [23, 26],
    ] as const) {
      expect(rangeFromOffsets(root, start, end)?.toString()).toBe(text.slice(start, end));
    }
  });

  it('gives the offset of an element start', () => {
    const mark = root.querySelector('mark')!;
    expect(textOffsetOf(root, mark, 0)).toBe(9);
    expect(textOffsetOf(root, root.querySelector('li')!, 0)).toBe(23);
  });

  it('accepts the very end and rejects offsets past it', () => {
    expect(rangeFromOffsets(root, 26, 26)?.toString()).toBe('');
    expect(rangeFromOffsets(root, 30, 31)).toBeNull();
  });
});
