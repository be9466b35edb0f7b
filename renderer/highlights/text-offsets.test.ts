import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildIntervalIndex } from './interval-index';
import {
  getTextIndex,
  invalidateTextIndex,
  offsetsToRange,
  offsetsToStaticRange,
  pointToOffset,
  rangeToOffsets,
} from './text-offsets';

const HTML =
  '<article id="a"><h1>On <em>tides</em></h1><p>The board <a href="#x">met</a> on <strong>Tuesday</strong>.</p>' +
  '<ul><li>First item</li><li>Second <em>item</em></li></ul><p></p><p>End.</p></article>';

function setup() {
  const dom = new JSDOM(`<!doctype html><body>${HTML}</body>`);
  const root = dom.window.document.getElementById('a')!;
  return { doc: dom.window.document, root, text: root.textContent! };
}

describe('text offsets', () => {
  it('round-trips every offset pair through a DOM Range', () => {
    const { root, text } = setup();
    for (let s = 0; s <= text.length; s += 3) {
      for (let e = s; e <= text.length; e += 5) {
        const r = offsetsToRange(root, s, e);
        expect(r.toString()).toBe(text.slice(s, e));
        expect(rangeToOffsets(root, r)).toEqual({ start: s, end: e });
      }
    }
  });

  it('spans paragraphs, list items, links and emphasis', () => {
    const { root, text } = setup();
    const s = text.indexOf('met');
    const e = text.indexOf('Second') + 'Second it'.length;
    const r = offsetsToRange(root, s, e);
    expect(r.toString()).toBe(text.slice(s, e));
    expect((r.startContainer.parentNode as Element).tagName).toBe('A');
    expect((r.endContainer.parentNode as Element).tagName).toBe('EM');
  });

  it('does not let a range spill into the neighbouring element at node boundaries', () => {
    const { root, text } = setup();
    const s = text.indexOf('Tuesday');
    const r = offsetsToRange(root, s, s + 'Tuesday'.length);
    expect((r.startContainer.parentNode as Element).tagName).toBe('STRONG');
    expect((r.endContainer.parentNode as Element).tagName).toBe('STRONG');
  });

  it('converts element boundary points (as a selection of whole elements gives)', () => {
    const { doc, root, text } = setup();
    const ul = doc.querySelector('ul')!;
    const range = doc.createRange();
    range.selectNode(ul);
    expect(rangeToOffsets(root, range)).toEqual({ start: text.indexOf('First'), end: text.indexOf('End.') });
    expect(pointToOffset(root, root, root.childNodes.length)).toBe(text.length);
    expect(pointToOffset(root, doc.body, 0)).toBeNull();
  });

  it('builds a static range with the same boundaries', () => {
    const { root, text } = setup();
    const s = text.indexOf('board');
    const r = offsetsToStaticRange(root, s, s + 5);
    expect((r.startContainer as Text).data.slice(r.startOffset, r.endOffset)).toBe('board');
  });

  it('rebuilds its cached index when the article is replaced', () => {
    const { root } = setup();
    const before = getTextIndex(root);
    expect(getTextIndex(root)).toBe(before);
    root.innerHTML = '<p>Brand new <b>text</b></p>';
    expect(getTextIndex(root).length).toBe('Brand new text'.length);
    invalidateTextIndex(root);
    expect(offsetsToRange(root, 6, 14).toString()).toBe('new text');
  });
});

describe('interval index', () => {
  it('returns every interval covering a point, innermost first', () => {
    const idx = buildIntervalIndex([
      { id: 'outer', start: 0, end: 100 },
      { id: 'inner', start: 10, end: 20 },
      { id: 'late', start: 50, end: 60 },
      { id: 'empty', start: 30, end: 30 },
    ]);
    expect(idx.at(15)).toEqual(['inner', 'outer']);
    expect(idx.at(20)).toEqual(['outer']);
    expect(idx.at(55)).toEqual(['late', 'outer']);
    expect(idx.at(30)).toEqual(['outer']);
    expect(idx.at(100)).toEqual([]);
  });

  it('agrees with a linear scan on many random intervals', () => {
    let seed = 3;
    const rnd = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const items = Array.from({ length: 1000 }, (_, i) => {
      const start = rnd(120_000);
      return { id: `i${i}`, start, end: start + 1 + rnd(400) };
    });
    const idx = buildIntervalIndex(items);
    for (let k = 0; k < 200; k++) {
      const p = rnd(120_500);
      const expected = items
        .filter((i) => i.start <= p && p < i.end)
        .map((i) => i.id)
        .sort();
      expect([...idx.at(p)].sort()).toEqual(expected);
    }
  });
});

describe('selection offsets', () => {
  it('clips a selection that runs out of the article', async () => {
    const { selectionOffsets } = await import('./selection-offsets');
    const dom = new JSDOM(`<!doctype html><body><header>Title bar</header>${HTML}<aside>Sidebar</aside></body>`);
    const doc = dom.window.document;
    const root = doc.getElementById('a')!;
    const text = root.textContent!;
    const sel = dom.window.getSelection()!;
    const range = doc.createRange();
    range.setStart(doc.querySelector('header')!.firstChild!, 2);
    range.setEnd(doc.querySelector('li')!.firstChild!, 5);
    sel.removeAllRanges();
    sel.addRange(range);
    expect(selectionOffsets(root, sel)).toEqual({ start: 0, end: text.indexOf('First') + 5 });
    const outside = doc.createRange();
    outside.selectNodeContents(doc.querySelector('aside')!);
    sel.removeAllRanges();
    sel.addRange(outside);
    expect(selectionOffsets(root, sel)).toBeNull();
  });
});
