// Long articles are laid out and painted a chunk at a time: runs of blocks of
// about CHUNK_CHARS characters, each wrapped in a container the browser skips
// while it is far from the view (content-visibility: auto, see article.css).
// A few hundred chunks instead of one skippable element per paragraph: the
// browser's work for any change (a highlight, a selection) grows with the
// number of chunks, and at 72,000 paragraphs that per-paragraph cost was most
// of a highlight's 0.8 s. The wrappers hold no text of their own, so the
// canonical text and every offset into it are unchanged.

/** About 8,000 words: big enough for a few hundred chunks at 5M words, small enough to lay out as it scrolls in. */
const CHUNK_CHARS = 50_000;

export const CHUNK_CLASS = 'article-chunk';

/** Elements whose children may be regrouped; lists, tables and the like would lose their structure (or numbering). */
const REGROUPABLE = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'ASIDE', 'HEADER', 'FOOTER', 'BLOCKQUOTE']);

/** Line height and paragraph spacing of the reading column, in em, for the height a chunk shows before it is laid out. */
const LINE_EM = 1.6;
const CHARS_PER_LINE = 68;
const BLOCK_GAP_EM = 1.05;

function estimateEm(chars: number, blocks: number): number {
  return Math.round((chars / CHARS_PER_LINE) * LINE_EM + blocks * BLOCK_GAP_EM);
}

/** The length of a node's text, summed over its text nodes: `textContent` would build megabytes of strings. */
function textLength(node: Node): number {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).length;
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let length = 0;
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) length += t.length;
  return length;
}

function wrap(parent: Element, nodes: Node[], chars: number): void {
  const first = nodes[0];
  if (!first) return;
  const chunk = document.createElement('div');
  chunk.className = CHUNK_CLASS;
  const blocks = nodes.filter((n) => n.nodeType === Node.ELEMENT_NODE).length;
  // 'auto': once laid out, the chunk keeps its real height while it is skipped again.
  chunk.style.containIntrinsicSize = `auto ${estimateEm(chars, blocks)}em`;
  parent.insertBefore(chunk, first);
  chunk.append(...nodes);
}

/** Groups `parent`'s children into chunks; a child too big for one chunk has its own children grouped instead. */
function chunkChildren(parent: Element): void {
  let run: Node[] = [];
  let chars = 0;
  const close = () => {
    wrap(parent, run, chars);
    run = [];
    chars = 0;
  };
  for (const node of Array.from(parent.childNodes)) {
    const length = textLength(node);
    if (length > 2 * CHUNK_CHARS && node instanceof Element && REGROUPABLE.has(node.tagName)) {
      close();
      chunkChildren(node);
      continue;
    }
    // Text between blocks (the newlines of the canonical text) stays with the block before it.
    if (chars >= CHUNK_CHARS && node.nodeType === Node.ELEMENT_NODE) close();
    run.push(node);
    chars += length;
  }
  close();
}

/** Wraps a long article's blocks in chunks; returns how many. Short articles are left exactly as they are. */
export function chunkLongBody(root: HTMLElement, minChars: number, chars = textLength(root)): number {
  if (chars <= minChars) return 0;
  chunkChildren(root);
  return root.getElementsByClassName(CHUNK_CLASS).length;
}

/** The chunks of a body in document order (none for a short article). */
export function chunksOf(root: HTMLElement): HTMLElement[] {
  return Array.from(root.getElementsByClassName(CHUNK_CLASS)) as HTMLElement[];
}
