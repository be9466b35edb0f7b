import type { Locator } from '@playwright/test';

/**
 * Whether `later` is drawn to the right of `earlier` inside an element, as it
 * is in left-to-right text read in order. Bidi controls that leak out of a
 * title reverse the words after it, and this turns false.
 */
export function drawnAfter(element: Locator, earlier: string, later: string): Promise<boolean> {
  return element.evaluate(
    (root, { earlier, later }) => {
      const rectOf = (wanted: string, last: boolean) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let found: Range | null = null;
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = last ? node.data.lastIndexOf(wanted) : node.data.indexOf(wanted);
          if (at < 0) continue;
          found = document.createRange();
          found.setStart(node, at);
          found.setEnd(node, at + wanted.length);
          if (!last) break;
        }
        if (!found) throw new Error(`"${wanted}" is not in the element`);
        return found.getBoundingClientRect();
      };
      const a = rectOf(earlier, false);
      const b = rectOf(later, true);
      return b.left >= a.right - 1;
    },
    { earlier, later },
  );
}
