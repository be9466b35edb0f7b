// Marks an entity's mentions in the article with the CSS Custom Highlight API,
// under names of our own, so the user's highlights, the DOM and the selection
// are never touched. The ::highlight rules are in highlights/highlight-styles.ts.
import type { Mention } from '../../../main/model/contract';
import { ENTITY_CURRENT_NAME, ENTITY_MARK_NAME, ensureHighlightStyles } from '../../highlights/highlight-styles';
import { offsetsToRange } from '../../highlights/text-offsets';

export const ENTITY_MARK = ENTITY_MARK_NAME;
export const ENTITY_CURRENT = ENTITY_CURRENT_NAME;

function supported(): boolean {
  if (typeof Highlight !== 'function' || typeof CSS === 'undefined' || !CSS.highlights) return false;
  ensureHighlightStyles(document);
  return true;
}

export function paintEntityMarks(root: HTMLElement, mentions: readonly Mention[]): void {
  if (!supported()) return;
  const ranges: Range[] = [];
  for (const m of mentions) {
    if (m.end > m.start) ranges.push(offsetsToRange(root, m.start, m.end));
  }
  const marks = new Highlight(...ranges);
  // Above the user's highlights (priority 0), so the underline stays visible over a color.
  marks.priority = 1;
  CSS.highlights.set(ENTITY_MARK, marks);
}

/** The mention next/previous is on; painted apart so stepping does not rebuild every mark. */
export function paintCurrentMention(root: HTMLElement, current: Mention | null): void {
  if (!supported()) return;
  if (current && current.end > current.start) {
    const now = new Highlight(offsetsToRange(root, current.start, current.end));
    now.priority = 2;
    CSS.highlights.set(ENTITY_CURRENT, now);
  } else {
    CSS.highlights.delete(ENTITY_CURRENT);
  }
}

export function clearEntityMarks(): void {
  if (!supported()) return;
  CSS.highlights.delete(ENTITY_MARK);
  CSS.highlights.delete(ENTITY_CURRENT);
}

/**
 * Where stepping through mentions should start: the first mention at or below
 * the top of the reading area, so selecting an entity midway through an article
 * does not jump back to its first paragraph. Mentions are in text order.
 */
export function firstMentionInView(root: HTMLElement, mentions: readonly Mention[]): number {
  const scroller = root.closest<HTMLElement>('.reader__scroll');
  const top = scroller ? scroller.getBoundingClientRect().top : 0;
  let lo = 0;
  let hi = mentions.length - 1;
  let found = -1;
  // Text order is layout order in an article, so a binary search on the boxes holds.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid]!;
    const box = offsetsToRange(root, m.start, Math.max(m.end, m.start + 1)).getBoundingClientRect();
    if (box.bottom > top) {
      found = mid;
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  return found < 0 ? 0 : found;
}
