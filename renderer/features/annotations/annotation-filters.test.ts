import { describe, expect, it } from 'vitest';
import type { Annotation, HighlightColor } from '../../../main/model/contract';
import {
  NO_FILTER,
  addTag,
  describeReanchor,
  groupForPanel,
  inDocumentOrder,
  reanchorReport,
  shortQuote,
  suggestTags,
} from './annotation-filters';

let n = 0;
function ann(
  start: number,
  exact: string,
  color: HighlightColor,
  extra: Partial<Annotation['body']> & { status?: Annotation['status'] } = {},
): Annotation {
  n += 1;
  return {
    id: `a${n}`,
    created: `2026-01-01T00:00:0${n % 10}Z`,
    modified: '2026-01-01T00:00:00Z',
    target: {
      source: 'art',
      selector: [
        { type: 'TextPositionSelector', start, end: start + exact.length },
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      ],
    },
    body: { color, note: extra.note ?? '', tags: extra.tags ?? [] },
    status: extra.status ?? 'anchored',
  };
}

describe('panel grouping and filters', () => {
  const list = [
    ann(50, 'the harbour wall', 'blue', { tags: ['Ports'] }),
    ann(10, 'early morning fog', 'yellow', { note: 'Lovely *image*' }),
    ann(0, 'gone sentence', 'pink', { status: 'orphan', note: 'keep me' }),
    ann(30, 'fishing boats', 'yellow', { tags: ['boats', 'ports'] }),
  ];

  it('lists placed highlights in document order and orphans apart', () => {
    const g = groupForPanel(list, NO_FILTER);
    expect(g.placed.map((a) => a.target.selector[1].exact)).toEqual([
      'early morning fog',
      'fishing boats',
      'the harbour wall',
    ]);
    expect(g.orphans.map((a) => a.body.note)).toEqual(['keep me']);
    expect(g.counts).toEqual({ yellow: 2, green: 0, blue: 1, pink: 1, purple: 0 });
    expect(g.tags).toEqual(['boats', 'ports']); // first spelling in document order
  });

  it('filters by color, by tag (any case) and by text in quote, note or tag', () => {
    expect(groupForPanel(list, { ...NO_FILTER, colors: new Set(['yellow']) }).placed).toHaveLength(2);
    expect(groupForPanel(list, { ...NO_FILTER, tag: 'PORTS' }).placed.map((a) => a.body.color)).toEqual([
      'yellow',
      'blue',
    ]);
    expect(groupForPanel(list, { ...NO_FILTER, text: 'image' }).placed).toHaveLength(1);
    expect(groupForPanel(list, { ...NO_FILTER, text: '#boats' }).placed).toHaveLength(1);
    expect(groupForPanel(list, { ...NO_FILTER, text: 'keep' }).orphans).toHaveLength(1);
    // Counts stay those of the whole article.
    expect(groupForPanel(list, { ...NO_FILTER, text: 'zzz' }).counts.yellow).toBe(2);
  });

  it('keeps ties in a stable order', () => {
    const a = ann(5, 'abc', 'green');
    const b = ann(5, 'abcdef', 'green');
    expect(inDocumentOrder([b, a]).map((x) => x.id)).toEqual([a.id, b.id]);
  });
});

describe('tags', () => {
  it('adds a cleaned tag once, whatever its case', () => {
    expect(addTag(['ports'], '  #Ports ')).toEqual(['ports']);
    expect(addTag(['ports'], '#new   idea')).toEqual(['ports', 'new idea']);
    expect(addTag([], '   ')).toEqual([]);
  });

  it('suggests prefix matches first and leaves out tags already on', () => {
    expect(suggestTags(['boats', 'harbour', 'ports', 'sports'], 'po', ['harbour'])).toEqual(['ports', 'sports']);
    expect(suggestTags(['a', 'b'], '', ['a'])).toEqual(['b']);
  });
});

describe('small texts', () => {
  it('shortens quotes to one line', () => {
    expect(shortQuote('one\n two   three', 10)).toBe('one two t…');
  });

  it('reports a re-anchoring', () => {
    const r = reanchorReport([
      ann(0, 'x', 'blue'),
      ann(1, 'y', 'blue', { status: 'moved' }),
      ann(2, 'z', 'blue', { status: 'orphan' }),
    ]);
    expect(r).toEqual({ anchored: 1, moved: 1, orphan: 1 });
    expect(describeReanchor(r)).toBe('Article updated: 1 highlight in place, 1 moved, 1 orphaned.');
  });
});
