// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHighlightLayer } from './highlight-layer';
import { FLASH_NAME } from './highlight-styles';
import { revealRange } from './reveal-range';

// jsdom has no CSS Custom Highlight API; a Set-backed stand-in is enough to see
// which ranges are registered under which name.
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

function flashed(): string[] {
  const h = CSS.highlights.get(FLASH_NAME) as unknown as Set<AbstractRange> | undefined;
  return [...(h ?? [])].map((r) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}

describe('revealRange', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: new Map(), escape: (s: string) => s });
    Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
    Range.prototype.getBoundingClientRect ??= () => new DOMRect();
    Element.prototype.scrollTo ??= () => undefined;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  function article() {
    const scroller = document.createElement('main');
    const root = document.createElement('div');
    root.innerHTML = '<h2>Tides</h2><p>The <em>harbour</em> moved.</p>';
    scroller.append(root);
    document.body.replaceChildren(scroller);
    return { root, scroller };
  }

  it('flashes the whole range through the layer, and the layer can flash again afterwards', () => {
    const { root, scroller } = article();
    const layer = createHighlightLayer(root);
    layer.set([{ id: 'a', start: 0, end: 5, color: 'yellow' }]);

    expect(revealRange(root, scroller, 9, 16)).toBe(true);
    expect(flashed()).toEqual(['harbour']);
    vi.advanceTimersByTime(2000);
    expect(flashed()).toEqual([]);

    layer.flash('a');
    expect(flashed()).toEqual(['Tides']);
    layer.destroy();
  });

  it('refuses offsets outside the text and clips an end past it', () => {
    const { root, scroller } = article();
    const layer = createHighlightLayer(root);
    expect(revealRange(root, scroller, 40, 45)).toBe(false);
    expect(revealRange(root, scroller, 17, 99)).toBe(true);
    expect(flashed()).toEqual(['moved.']);
    layer.destroy();
  });
});
