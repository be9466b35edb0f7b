// Canonical text offsets ↔ DOM positions inside the article root.
//
// The root's textContent equals the article's canonical text, so offset N is the
// N-th UTF-16 unit of the concatenated text nodes. The index (text nodes in
// document order with cumulative start offsets) is built once per root and
// cached; lookups are binary searches.
//
//   rangeToOffsets(root, range)          → { start, end } | null (range outside root)
//   offsetsToRange(root, start, end)     → Range
//   offsetsToStaticRange(root, s, e)     → StaticRange (cheap: no live-range upkeep)
//   pointToOffset(root, node, offset)    → number | null
//   getTextIndex(root) / invalidateTextIndex(root)
//
// Call invalidateTextIndex(root) after replacing the article's DOM; a cached index
// whose first or last node left the root is also rebuilt automatically.

export interface TextIndex {
  readonly root: Node;
  readonly nodes: readonly Text[];
  /** starts[i] = canonical offset of nodes[i]'s first character. */
  readonly starts: readonly number[];
  readonly length: number;
  readonly positionOf: ReadonlyMap<Text, number>;
}

export interface Offsets {
  start: number;
  end: number;
}

const cache = new WeakMap<Node, TextIndex>();

export function getTextIndex(root: Node): TextIndex {
  const cached = cache.get(root);
  if (cached && isValid(cached)) return cached;
  const index = buildTextIndex(root);
  cache.set(root, index);
  return index;
}

export function invalidateTextIndex(root: Node): void {
  cache.delete(root);
}

export function buildTextIndex(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const positionOf = new Map<Text, number>();
  let length = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    positionOf.set(t, nodes.length);
    nodes.push(t);
    starts.push(length);
    length += t.data.length;
  }
  return { root, nodes, starts, length, positionOf };
}

function isValid(index: TextIndex): boolean {
  if (index.nodes.length === 0) return index.root.textContent === '';
  const first = index.nodes[0]!;
  const last = index.nodes[index.nodes.length - 1]!;
  return (
    index.root.contains(first) &&
    index.root.contains(last) &&
    index.starts[index.starts.length - 1]! + last.data.length === index.length
  );
}

/** Canonical offset of a DOM boundary point, or null when it is outside the root. */
export function pointToOffset(root: Node, container: Node, offset: number, index = getTextIndex(root)): number | null {
  if (!root.contains(container)) return null;
  if (container.nodeType === 3 /* TEXT_NODE */) {
    const i = index.positionOf.get(container as Text);
    if (i !== undefined) return index.starts[i]! + Math.min(offset, (container as Text).data.length);
  }
  // An element boundary (or an unindexed node): the offset of the first text
  // node at or after the point, found by comparing document positions.
  const doc = root.ownerDocument ?? (root as Document);
  const probe = doc.createRange();
  probe.setStart(container, offset);
  let lo = 0;
  let hi = index.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // comparePoint < 0: (node, 0) lies before the point.
    if (probe.comparePoint(index.nodes[mid]!, 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < index.nodes.length ? index.starts[lo]! : index.length;
}

export function rangeToOffsets(root: Node, range: AbstractRange, index = getTextIndex(root)): Offsets | null {
  const start = pointToOffset(root, range.startContainer, range.startOffset, index);
  const end = pointToOffset(root, range.endContainer, range.endOffset, index);
  if (start === null || end === null) return null;
  return start <= end ? { start, end } : { start: end, end: start };
}

interface Boundary {
  node: Text;
  offset: number;
}

/**
 * The text position of a canonical offset. At a boundary between two text nodes
 * a start sits at the beginning of the next node and an end at the close of the
 * previous one, so a range never spills into a neighbouring element.
 */
function boundary(index: TextIndex, offset: number, isEnd: boolean): Boundary | null {
  const { nodes, starts } = index;
  if (nodes.length === 0) return null;
  const x = Math.max(0, Math.min(index.length, offset));
  // Last node whose start is < x (for ends) or <= x (for starts), skipping empty ones.
  let lo = 0;
  let hi = nodes.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (isEnd ? starts[mid]! < x : starts[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (!isEnd) while (found < nodes.length - 1 && nodes[found]!.data.length === 0) found++;
  const node = nodes[found]!;
  return { node, offset: Math.max(0, Math.min(node.data.length, x - starts[found]!)) };
}

export function offsetsToRange(root: Node, start: number, end: number, index = getTextIndex(root)): Range {
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  const s = boundary(index, start, false);
  const e = boundary(index, Math.max(start, end), true);
  if (!s || !e) {
    range.selectNodeContents(root);
    range.collapse(true);
    return range;
  }
  range.setStart(s.node, s.offset);
  range.setEnd(e.node, e.offset);
  return range;
}

export function offsetsToStaticRange(root: Node, start: number, end: number, index = getTextIndex(root)): StaticRange {
  // The root's own window: tests run this against a jsdom window.
  const Static = ((root.ownerDocument ?? (root as Document)).defaultView ?? globalThis).StaticRange;
  const s = boundary(index, start, false);
  const e = boundary(index, Math.max(start, end), true);
  if (!s || !e) return new Static({ startContainer: root, startOffset: 0, endContainer: root, endOffset: 0 });
  return new Static({ startContainer: s.node, startOffset: s.offset, endContainer: e.node, endOffset: e.offset });
}
