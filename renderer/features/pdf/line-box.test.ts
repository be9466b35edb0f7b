import { describe, expect, it } from 'vitest';
import { lineStretch, unionBox } from './line-box';

describe('a paragraph’s box on its page', () => {
  it('is the union of its lines’ boxes', () => {
    expect(
      unionBox([
        { x: 60, y: 100, w: 300, h: 12 },
        { x: 72, y: 116, w: 320, h: 12 },
      ]),
    ).toEqual({ x: 60, y: 100, w: 332, h: 28 });
    expect(unionBox([])).toBeNull();
  });

  it('stretches a line set in the text layer’s font to the drawn width, never by nonsense', () => {
    expect(lineStretch(300, 250)).toBe(1.2);
    expect(lineStretch(300, 0)).toBe(1);
    expect(lineStretch(0, 250)).toBe(1);
  });
});
