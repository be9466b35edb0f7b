// Which articles are selected for a bulk action, as a file manager does it:
// a click (or Space) toggles one and makes it the anchor, Shift extends from
// the anchor to the row, Ctrl/Cmd+A takes every shown article.

export interface Selection {
  readonly ids: ReadonlySet<string>;
  /** Where a Shift-click range starts: the last row toggled. */
  readonly anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

export function toggleOne(selection: Selection, id: string): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: id };
}

/** Adds every article from the anchor to `id` (in the order shown); without an anchor, just `id`. */
export function extendTo(selection: Selection, order: readonly string[], id: string): Selection {
  const to = order.indexOf(id);
  const from = selection.anchor === null ? -1 : order.indexOf(selection.anchor);
  if (to === -1) return selection;
  if (from === -1) return toggleOne(selection, id);
  const ids = new Set(selection.ids);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) ids.add(order[i]!);
  return { ids, anchor: selection.anchor };
}

export function selectAll(order: readonly string[]): Selection {
  return { ids: new Set(order), anchor: order[0] ?? null };
}

/** The selected articles among those shown, in the order shown: what a bulk action acts on. */
export function selectedOf<T extends { id: string }>(shown: readonly T[], selection: Selection): T[] {
  return selection.ids.size === 0 ? [] : shown.filter((item) => selection.ids.has(item.id));
}
