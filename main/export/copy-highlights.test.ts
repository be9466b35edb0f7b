import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../tests/support/export-fixtures';
import { highlightsForClipboard } from './copy-highlights';

describe('Copy highlights', () => {
  it('gives the title and every placed highlight in reading order, without block ids', () => {
    const f = loadFixture('article');
    const { markdown, count } = highlightsForClipboard(f.article, f.annotations);
    const placed = f.annotations
      .filter((a) => a.status !== 'orphan')
      .sort((a, b) => a.target.selector[0].start - b.target.selector[0].start);
    expect(count).toBe(placed.length);
    expect(count).toBeGreaterThan(1);
    expect(markdown.startsWith(`## ${f.article.title}`)).toBe(true);
    expect(markdown).not.toMatch(/\^h[0-9a-f]{6}/);
    const at = placed.map((a) => markdown.indexOf(`(${a.body.color})`, 0));
    expect(at.every((i) => i > 0)).toBe(true);
    const firstWords = placed.map((a) =>
      markdown.indexOf(a.target.selector[1].exact.split(/\s+/).slice(0, 3).join(' ')),
    );
    expect(firstWords).toEqual([...firstWords].sort((x, y) => x - y));
  });
});
