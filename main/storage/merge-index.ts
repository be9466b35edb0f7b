import type { ArticleSummary } from '../model/contract';
import type { IndexFile, TrashEntry } from './file-schemas';

export interface IndexMaps {
  active: Map<string, ArticleSummary>;
  trash: Map<string, TrashEntry>;
}

/**
 * Combines an index another program wrote with ours: the disk version wins for
 * every entry we have not changed since our last write, ours for those we have
 * (including deletions). Disk order is kept; our new entries go last.
 */
export function mergeIndex(
  disk: IndexFile,
  ours: IndexMaps,
  changedByUs: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): IndexMaps {
  const active = new Map<string, ArticleSummary>();
  const trash = new Map<string, TrashEntry>();
  for (const s of disk.articles) {
    if (!changedByUs.has(s.id)) active.set(s.id, s);
    else if (ours.active.has(s.id)) active.set(s.id, ours.active.get(s.id)!);
  }
  for (const t of disk.trash) {
    const id = t.summary.id;
    if (!changedByUs.has(id) && !active.has(id)) trash.set(id, t);
  }
  for (const id of changedByUs.keys()) {
    const mine = ours.active.get(id);
    const trashed = ours.trash.get(id);
    if (mine) active.set(id, mine);
    else if (trashed) trash.set(id, trashed);
  }
  return { active, trash };
}
