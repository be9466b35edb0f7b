import { describe, expect, it } from 'vitest';
import { assembleTurnedPage, quarterOf } from './turned-text';

const item = (str: string, transform: number[]) => ({ str, transform, width: str.length * 6, height: 12 });

describe('quarterOf', () => {
  it('names the quarter turn of a run and refuses skewed, mirrored and empty ones', () => {
    expect(quarterOf([12, 0, 0, 12, 0, 0])).toBe(0);
    expect(quarterOf([0, 12, -12, 0, 0, 0])).toBe(90);
    expect(quarterOf([-12, 0, 0, -12, 0, 0])).toBe(180);
    expect(quarterOf([0, -12, 12, 0, 0, 0])).toBe(270);
    expect(quarterOf([10.4, 6, -6, 10.4, 0, 0])).toBeNull();
    expect(quarterOf([-12, 0, 0, 12, 0, 0])).toBeNull();
    expect(quarterOf([0, 0, 0, 0, 0, 0])).toBeNull();
  });
});

describe('assembleTurnedPage', () => {
  it('puts the text that reads upright as the page is shown first, and counts only unturned text as framed', () => {
    const items = [item('Sideways words.', [0, 12, -12, 0, 300, 100]), item('Upright words.', [12, 0, 0, 12, 60, 700])];
    const shownAsIs = assembleTurnedPage(items, 0);
    expect(shownAsIs.paragraphs.map((p) => p.text)).toEqual(['Upright words.', 'Sideways words.']);
    expect(shownAsIs.framed).toBe(1);
    const shownTurned = assembleTurnedPage(items, 90);
    expect(shownTurned.paragraphs.map((p) => p.text)).toEqual(['Sideways words.', 'Upright words.']);
    expect(shownTurned.lines.map((l) => l.text)).toEqual(['Sideways words.']);
    expect(shownTurned.framed).toBe(0);
  });
});
