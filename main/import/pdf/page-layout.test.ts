import { describe, expect, it } from 'vitest';
import { pageLayout } from './page-layout';
import type { Paragraph } from './paragraphs';

const line = (text: string, x: number, y: number, size = 10) => ({ text, x, right: x + 100.04, y, size });
const paragraphs: Paragraph[] = [
  {
    text: 'Top line next',
    lines: [
      { line: line('Top line', 50, 700), text: 'Top line', joined: false },
      { line: line('next', 50, 688), text: 'next', joined: false },
    ],
  },
];

describe('a page’s layout', () => {
  it('measures lines from the top-left corner of the media box, in tenths of a point', () => {
    const layout = pageLayout(paragraphs, [0, 0, 612, 792], 0);
    expect(layout).toMatchObject({ width: 612, height: 792 });
    expect(layout.paragraphs[0]!.map((l) => l.box)).toEqual([
      { x: 50, y: 792 - 700 - 8, w: 100, h: 10 },
      { x: 50, y: 792 - 688 - 8, w: 100, h: 10 },
    ]);
  });

  it('follows a media box that does not start at the origin', () => {
    const layout = pageLayout(paragraphs, [20, 40, 632, 832], 0);
    expect(layout.paragraphs[0]![0]!.box).toEqual({ x: 30, y: 832 - 708, w: 100, h: 10 });
  });

  it('gives no boxes on a turned page, keeping the text', () => {
    const layout = pageLayout(paragraphs, [0, 0, 612, 792], 90);
    expect(layout.paragraphs[0]!.map((l) => [l.text, l.box])).toEqual([
      ['Top line', null],
      ['next', null],
    ]);
  });
});
