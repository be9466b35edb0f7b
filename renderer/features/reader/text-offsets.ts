/**
 * Canonical offsets ↔ DOM. The article body's textContent equals the
 * canonical text, so an offset is a count of characters in its text nodes,
 * in document order. Highlights (<mark>) only split text nodes; offsets hold.
 */

/** Offset of a DOM boundary point (node, offset) inside `root`. */
export function textOffsetOf(root: Node, node: Node, offset = 0): number {
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

interface Point {
  node: Text;
  offset: number;
}

function pointsAt(root: Node, offsets: number[]): (Point | null)[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const result: (Point | null)[] = offsets.map(() => null);
  let passed = 0;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    offsets.forEach((offset, index) => {
      if (result[index] === null && offset < passed + length) result[index] = { node, offset: offset - passed };
    });
    passed += length;
    last = node;
    if (result.every(Boolean)) break;
  }
  // An offset at the very end points after the last character.
  return result.map((point, index) => point ?? (last && offsets[index]! <= passed ? { node: last, offset: last.data.length } : null));
}

/** A DOM Range for canonical [start, end), or null when out of bounds. */
export function rangeFromOffsets(root: Node, start: number, end: number): Range | null {
  const [from, to] = pointsAt(root, [start, Math.max(start, end)]);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
