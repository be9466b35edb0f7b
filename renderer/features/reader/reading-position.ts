import { getTextIndex, offsetsToRange, pointToOffset } from '../../highlights/text-offsets';
import { jumpAndSettle } from '../../highlights/settle-scroll';
import { chunksOf } from './chunk-body';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figure, table, dt, dd, hr';

/** Space kept above a restored block so it does not sit flush against the toolbar. */
const TOP_MARGIN = 24;

/**
 * The canonical offset of the first block whose bottom is below the top of
 * the scroller. Binary search: blocks come in document order, so their tops
 * increase (nested blocks keep it monotonic enough for this purpose).
 */
export function firstVisibleOffset(root: HTMLElement, scroller: HTMLElement): number {
  const top = scroller.getBoundingClientRect().top;
  const blocks = blocksNear(root, top);
  if (blocks.length === 0) return 0;
  const block = blocks[firstBelow(blocks, top)]!;
  if (block.getBoundingClientRect().bottom <= top) return getTextIndex(root).length;
  return pointToOffset(root, block, 0) ?? 0;
}

/** The index of the first element whose bottom is below `top` (the last one if none is). */
function firstBelow(elements: ArrayLike<Element>, top: number): number {
  let low = 0;
  let high = elements.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (elements[mid]!.getBoundingClientRect().bottom <= top) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The blocks worth searching: in a chunked article only the chunk at `top`, so the
 * search lays out that one chunk instead of every chunk it would probe on the way.
 */
function blocksNear(root: HTMLElement, top: number): ArrayLike<HTMLElement> {
  const chunks = chunksOf(root);
  if (chunks.length === 0) return root.querySelectorAll<HTMLElement>(BLOCKS);
  const chunk = chunks[firstBelow(chunks, top)]!;
  const blocks = chunk.querySelectorAll<HTMLElement>(BLOCKS);
  // A chunk of text in bare <div>s (as many EPUBs set paragraphs) has no block of ours: its children are.
  return blocks.length > 0 ? blocks : (chunk.children as HTMLCollectionOf<HTMLElement>);
}

export function scrollProgress(scroller: HTMLElement): number {
  const max = scroller.scrollHeight - scroller.clientHeight;
  if (max <= 0) return 1;
  return Math.min(1, Math.max(0, scroller.scrollTop / max));
}

/** Scrolls so the block containing `offset` starts at the top. False when the offset is not in the text. */
export function scrollToOffset(root: HTMLElement, scroller: HTMLElement, offset: number): boolean {
  const length = getTextIndex(root).length;
  if (offset < 0 || offset > length) return false;
  // A range over the first character, not a collapsed one: at a boundary between
  // text nodes a collapsed range falls back to the end of the previous node,
  // which is the separator between blocks, and the block would not be found.
  const range = offsetsToRange(root, Math.min(offset, Math.max(0, length - 1)), Math.min(offset + 1, length));
  const container = range.startContainer.parentElement;
  const block = container?.closest<HTMLElement>(BLOCKS) ?? container;
  jumpAndSettle(
    scroller,
    () => (block ?? range).getBoundingClientRect().top - scroller.getBoundingClientRect().top - TOP_MARGIN,
  );
  return true;
}
