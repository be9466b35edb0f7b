import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, extendTo, selectAll, selectedOf, toggleOne } from './library-selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('library selection', () => {
  it('toggles one article on and off, remembering it as the anchor', () => {
    const once = toggleOne(EMPTY_SELECTION, 'b');
    expect(ids(once)).toEqual(['b']);
    expect(once.anchor).toBe('b');
    expect(ids(toggleOne(once, 'b'))).toEqual([]);
  });

  it('extends from the anchor to the clicked row, either way, keeping what was selected', () => {
    const start = toggleOne(toggleOne(EMPTY_SELECTION, 'e'), 'b');
    expect(ids(extendTo(start, order, 'd'))).toEqual(['b', 'c', 'd', 'e']);
    expect(ids(extendTo(toggleOne(EMPTY_SELECTION, 'd'), order, 'a'))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('treats a Shift-click with no anchor as a plain toggle', () => {
    expect(ids(extendTo(EMPTY_SELECTION, order, 'c'))).toEqual(['c']);
  });

  it('acts only on selected articles that are shown, in the order shown', () => {
    const selection = selectAll(order);
    const shown = [{ id: 'd' }, { id: 'x' }, { id: 'a' }];
    expect(selectedOf(shown, selection).map((s) => s.id)).toEqual(['d', 'a']);
    expect(selectedOf(shown, EMPTY_SELECTION)).toEqual([]);
  });
});
