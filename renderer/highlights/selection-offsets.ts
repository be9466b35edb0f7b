// The user's selection as canonical offsets, clipped to the article (a drag may
// start in the title bar or end in the sidebar). Null when nothing of the
// article is selected.
//
//   selectionOffsets(root, selection = root's window selection) → { start, end } | null
import { rangeToOffsets, type Offsets } from './text-offsets';

// Range.compareBoundaryPoints modes (numeric, so this also runs against a jsdom window).
const START_TO_START = 0;
const START_TO_END = 1;
const END_TO_END = 2;
const END_TO_START = 3;

export function selectionOffsets(root: HTMLElement, selection?: Selection | null): Offsets | null {
  const sel = selection ?? root.ownerDocument.defaultView?.getSelection() ?? null;
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0).cloneRange();
  const bounds = root.ownerDocument.createRange();
  bounds.selectNodeContents(root);
  // Outside the article entirely?
  if (range.compareBoundaryPoints(END_TO_START, bounds) >= 0) return null; // starts after the root ends
  if (range.compareBoundaryPoints(START_TO_END, bounds) <= 0) return null; // ends before the root starts
  if (range.compareBoundaryPoints(START_TO_START, bounds) < 0) range.setStart(root, 0);
  if (range.compareBoundaryPoints(END_TO_END, bounds) > 0) range.setEnd(root, root.childNodes.length);
  const offsets = rangeToOffsets(root, range);
  return offsets && offsets.end > offsets.start ? offsets : null;
}
