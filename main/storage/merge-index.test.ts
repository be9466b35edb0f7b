import { describe, expect, it } from 'vitest';
import { mergeIndex } from './merge-index';
import { makeSummary } from '../../tests/support/store-test-helpers';

describe('mergeIndex', () => {
  it('keeps disk entries we did not touch and ours for those we changed, trashed or deleted', () => {
    const disk = {
      schemaVersion: 1,
      articles: [makeSummary('a', 'A on disk'), makeSummary('b', 'B renamed on disk'), makeSummary('gone', 'Gone')],
      trash: [{ summary: makeSummary('t'), trashedAt: '2026-11-01T00:00:00Z' }],
    };
    const ours = {
      active: new Map([
        ['a', makeSummary('a', 'A changed by us')],
        ['b', makeSummary('b')],
        ['new', makeSummary('new', 'New')],
        ['t', makeSummary('t', 'Restored by us')],
      ]),
      trash: new Map(),
    };
    const merged = mergeIndex(disk, ours, new Set(['a', 'new', 't', 'gone']));
    expect([...merged.active.values()].map((s) => s.title)).toEqual([
      'A changed by us',
      'B renamed on disk',
      'New',
      'Restored by us',
    ]);
    expect(merged.trash.size).toBe(0);
  });
});
