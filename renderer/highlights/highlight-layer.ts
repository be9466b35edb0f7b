// Paints annotations over the article with the CSS Custom Highlight API: no DOM
// is touched, so painting 1,000 highlights costs a few milliseconds and the
// article's text nodes (and every offset into them) stay as they are.
//
//   const layer = createHighlightLayer(articleRoot);
//   layer.set(toHighlightSpecs(annotations));     // replace all; or [{ id, start, end, color }, …]
//   layer.upsert(spec); layer.remove(id);         // one change, e.g. after create/undo
//   layer.select(id | null);                      // the open annotation, drawn on top
//   layer.flash(id); layer.flashRange(start, end); // brief emphasis after "scroll to"
//   layer.idsAt(offset); layer.rangeOf(id);       // for click handling and scrolling
//   layer.refresh();                              // after the article DOM was replaced
//   layer.destroy();
//
// hit-test.ts finds the layer of a root to answer "which annotations are under
// this point". Where CSS.highlights is missing (jsdom, old engines) `supported`
// is false and nothing is painted; lookups still work.
import type { Annotation, HighlightColor } from '../../main/model/contract';
import {
  FLASH_NAME,
  HIGHLIGHT_COLORS,
  HIGHLIGHT_PREFIX,
  SELECTED_NAME,
  ensureHighlightStyles,
} from './highlight-styles';
import { buildIntervalIndex, type IntervalIndex } from './interval-index';
import { getTextIndex, invalidateTextIndex, offsetsToRange, offsetsToStaticRange } from './text-offsets';

export interface HighlightSpec {
  id: string;
  start: number;
  end: number;
  color: HighlightColor;
}

export interface HighlightLayer {
  readonly root: HTMLElement;
  readonly supported: boolean;
  set(specs: readonly HighlightSpec[]): void;
  upsert(spec: HighlightSpec): void;
  remove(id: string): void;
  select(id: string | null): void;
  flash(id: string, ms?: number): void;
  /** Flashes any canonical range (a mention, a jump target). The layer owns the one flash highlight. */
  flashRange(start: number, end: number, ms?: number): void;
  /** Ids of the annotations covering this canonical offset, innermost first. */
  idsAt(offset: number): string[];
  rangeOf(id: string): Range | null;
  refresh(): void;
  destroy(): void;
}

const layers = new WeakMap<Node, HighlightLayer>();

/** What to paint for an article's annotations: orphans have no place in the text. */
export function toHighlightSpecs(annotations: readonly Annotation[]): HighlightSpec[] {
  return annotations
    .filter((a) => a.status !== 'orphan')
    .map((a) => ({ id: a.id, start: a.target.selector[0].start, end: a.target.selector[0].end, color: a.body.color }));
}

export function layerFor(root: Node): HighlightLayer | undefined {
  return layers.get(root);
}

export function highlightsSupported(win: Window & typeof globalThis = window): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && !!win.CSS.highlights;
}

export function createHighlightLayer(root: HTMLElement): HighlightLayer {
  layers.get(root)?.destroy();
  const doc = root.ownerDocument;
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const supported = !!win && highlightsSupported(win);
  const registry = supported ? win!.CSS.highlights : null;

  const byColor = new Map<HighlightColor, Highlight>();
  let selected: Highlight | null = null;
  let flashing: Highlight | null = null;
  if (registry && win) {
    ensureHighlightStyles(doc);
    for (const c of HIGHLIGHT_COLORS) {
      const h = new win.Highlight();
      byColor.set(c, h);
      registry.set(`${HIGHLIGHT_PREFIX}${c}`, h);
    }
    selected = new win.Highlight();
    selected.priority = 1;
    registry.set(SELECTED_NAME, selected);
    flashing = new win.Highlight();
    flashing.priority = 2;
    registry.set(FLASH_NAME, flashing);
  }

  const specs = new Map<string, HighlightSpec>();
  const ranges = new Map<string, StaticRange>();
  let intervals: IntervalIndex | null = null;
  let selectedId: string | null = null;
  let flashTimer: ReturnType<typeof setTimeout> | null = null;

  function paint(spec: HighlightSpec): void {
    if (!supported) return;
    const range = offsetsToStaticRange(root, spec.start, spec.end);
    ranges.set(spec.id, range);
    byColor.get(spec.color)?.add(range);
  }

  function unpaint(id: string): void {
    const old = specs.get(id);
    const range = ranges.get(id);
    if (old && range) byColor.get(old.color)?.delete(range);
    ranges.delete(id);
  }

  function paintSelected(): void {
    if (!selected) return;
    selected.clear();
    const range = selectedId ? ranges.get(selectedId) : undefined;
    if (range) selected.add(range);
  }

  const layer: HighlightLayer = {
    root,
    supported,
    set(list) {
      for (const h of byColor.values()) h.clear();
      specs.clear();
      ranges.clear();
      getTextIndex(root); // build once, before the loop
      for (const spec of list) {
        specs.set(spec.id, spec);
        paint(spec);
      }
      intervals = null;
      paintSelected();
    },
    upsert(spec) {
      unpaint(spec.id);
      specs.set(spec.id, spec);
      paint(spec);
      intervals = null;
      if (spec.id === selectedId) paintSelected();
    },
    remove(id) {
      unpaint(id);
      specs.delete(id);
      intervals = null;
      if (id === selectedId) layer.select(null);
    },
    select(id) {
      selectedId = id;
      paintSelected();
    },
    flash(id, ms = 1200) {
      const spec = specs.get(id);
      if (spec) layer.flashRange(spec.start, spec.end, ms);
      else layer.flashRange(0, 0, ms);
    },
    flashRange(start, end, ms = 1200) {
      if (!flashing) return;
      if (flashTimer) clearTimeout(flashTimer);
      flashTimer = null;
      flashing.clear();
      if (end <= start) return;
      // Re-register in case anything else took the name while this layer lived.
      if (registry && registry.get(FLASH_NAME) !== flashing) registry.set(FLASH_NAME, flashing);
      flashing.add(offsetsToStaticRange(root, start, end));
      flashTimer = setTimeout(() => {
        flashing?.clear();
        flashTimer = null;
      }, ms);
    },
    idsAt(offset) {
      intervals ??= buildIntervalIndex([...specs.values()]);
      return intervals.at(offset);
    },
    rangeOf(id) {
      const spec = specs.get(id);
      return spec ? offsetsToRange(root, spec.start, spec.end) : null;
    },
    refresh() {
      invalidateTextIndex(root);
      layer.set([...specs.values()]);
    },
    destroy() {
      if (flashTimer) clearTimeout(flashTimer);
      if (registry) {
        for (const c of HIGHLIGHT_COLORS) {
          if (registry.get(`${HIGHLIGHT_PREFIX}${c}`) === byColor.get(c)) registry.delete(`${HIGHLIGHT_PREFIX}${c}`);
        }
        if (registry.get(SELECTED_NAME) === selected) registry.delete(SELECTED_NAME);
        if (registry.get(FLASH_NAME) === flashing) registry.delete(FLASH_NAME);
      }
      specs.clear();
      ranges.clear();
      if (layers.get(root) === layer) layers.delete(root);
    },
  };
  layers.set(root, layer);
  return layer;
}
