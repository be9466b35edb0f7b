// The one order of an article's annotations for lists and exports.
import type { Annotation } from '../model/contract';

/** Anchored and moved annotations by position; orphans (no place in the text) last. */
export function inDocumentOrder(list: readonly Annotation[]): Annotation[] {
  const rank = (a: Annotation) => (a.status === 'orphan' ? 1 : 0);
  return [...list].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.target.selector[0].start - b.target.selector[0].start ||
      a.target.selector[0].end - b.target.selector[0].end ||
      a.created.localeCompare(b.created),
  );
}
