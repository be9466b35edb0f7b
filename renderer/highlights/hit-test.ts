// What is under the pointer: the canonical offset of the character at (x, y) and
// the annotations covering it (all of them, so overlapping highlights can offer
// a choice). Clicks past the end of a line or in the margins hit nothing.
//
//   offsetAtPoint(root, x, y) → number | null
//   hitTest(root, x, y)       → annotation ids, innermost first (needs a layer on root)
import { layerFor } from './highlight-layer';
import { getTextIndex, offsetsToRange, pointToOffset } from './text-offsets';

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

export function offsetAtPoint(root: HTMLElement, x: number, y: number): number | null {
  const doc = root.ownerDocument as Document & CaretDocument;
  let node: Node | null = null;
  let offset = 0;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    if (pos) ({ offsetNode: node, offset } = pos);
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    if (r) {
      node = r.startContainer;
      offset = r.startOffset;
    }
  }
  if (!node) return null;
  const index = getTextIndex(root);
  const caret = pointToOffset(root, node, offset, index);
  if (caret === null) return null;
  // The caret falls between two characters; keep whichever one's box holds the point.
  for (const c of [caret, caret - 1]) {
    if (c < 0 || c >= index.length) continue;
    for (const rect of offsetsToRange(root, c, c + 1, index).getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return c;
    }
  }
  return null;
}

export function hitTest(root: HTMLElement, x: number, y: number): string[] {
  const layer = layerFor(root);
  if (!layer) return [];
  const offset = offsetAtPoint(root, x, y);
  return offset === null ? [] : layer.idsAt(offset);
}
