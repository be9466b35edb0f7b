import type { ArticleSummary } from '../model/contract';
import { AppError } from '../model/errors';
import { requireId } from '../model/validate';
import type { LibraryStore } from './store-types';

/** The article an operation names, or the one not_found every feature gives when it has gone. */
export function requireSummary(store: LibraryStore, id: unknown): ArticleSummary {
  const summary = store.getSummary(requireId(id, 'article id'));
  if (!summary) throw new AppError('not_found', 'That article is no longer in your library.');
  return summary;
}
