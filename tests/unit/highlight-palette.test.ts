// The highlight colors and the selection color, theme by theme, as tokens.css
// declares them: opaque (overlaps never blend: purple over yellow turned brown),
// far apart from each other (CIEDE2000), and the selection far from all of them
// (a blue highlight used to look like selected text). Text on each stays AAA.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Color from 'colorjs.io';
import { describe, expect, it } from 'vitest';
import type { HighlightColor } from '../../main/model/contract';

const css = readFileSync(resolve(import.meta.dirname, '..', '..', 'renderer', 'styles', 'tokens.css'), 'utf8');

function theme(name: string): Record<string, string> {
  const block = new RegExp(`\\[data-theme='${name}'\\]\\s*\\{([^}]*)\\}`).exec(css)?.[1];
  if (!block) throw new Error(`tokens.css has no ${name} theme`);
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const HIGHLIGHT_COLORS: readonly HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];

const deltaE = (a: string, b: string) => new Color(a).deltaE(new Color(b), '2000');
const contrast = (a: string, b: string) => new Color(a).contrast(new Color(b), 'WCAG21');

describe.each(['light', 'sepia', 'dark'])('the %s theme', (name) => {
  const t = theme(name);
  const fills = HIGHLIGHT_COLORS.map((c) => ({ c, value: t[`hl-${c}`] ?? '' }));

  it('paints every highlight color opaque, with the ink readable on it', () => {
    for (const { c, value } of fills) {
      expect(value, `--hl-${c}`).not.toBe('');
      expect(new Color(value).alpha.valueOf(), `--hl-${c} is opaque`).toBe(1);
      expect(contrast(t.ink!, value), `ink on ${c}`).toBeGreaterThanOrEqual(7);
    }
  });

  it('keeps the highlight colors apart', () => {
    for (const [i, a] of fills.entries())
      for (const b of fills.slice(i + 1))
        expect(deltaE(a.value, b.value), `${a.c} / ${b.c}`).toBeGreaterThanOrEqual(12);
  });

  it('selects in a color no highlight and no paper comes near', () => {
    expect(contrast(t['selection-ink']!, t.selection!), 'selected text').toBeGreaterThanOrEqual(7);
    for (const { c, value } of [...fills, { c: 'paper', value: t.paper! }])
      expect(deltaE(t.selection!, value), `selection / ${c}`).toBeGreaterThanOrEqual(40);
  });
});
