import { ARTICLE_SHELVES, type ArticleMetaPatch, type ArticleShelf } from '../model/contract';
import { AppError } from '../model/errors';
import { LIMITS } from '../model/limits';
import { requireSourceUrl, requireString, requireTags } from '../model/validate';

/** A details edit from the user, checked field by field: only what may change, trimmed, tags once each. */
export function validateMetaPatch(patch: unknown): ArticleMetaPatch {
  if (typeof patch !== 'object' || patch === null) throw new AppError('invalid_input', 'Nothing to change.');
  const p = patch as Record<string, unknown>;
  const out: ArticleMetaPatch = {};
  if (p.title !== undefined) {
    const title = requireString(p.title, 'The title', LIMITS.title).trim();
    if (!title) throw new AppError('invalid_input', 'An article needs a title.');
    out.title = title;
  }
  for (const key of ['author', 'site', 'published', 'language'] as const) {
    if (p[key] === undefined) continue;
    const value = p[key] === null ? null : requireString(p[key], `The ${key}`, LIMITS.metadataField).trim() || null;
    out[key] = value;
  }
  if (p.sourceUrl !== undefined) out.sourceUrl = requireSourceUrl(p.sourceUrl);
  if (p.tags !== undefined) {
    out.tags = [
      ...new Set(
        requireTags(p.tags)
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
  }
  if (p.shelf !== undefined) {
    if (!ARTICLE_SHELVES.includes(p.shelf as ArticleShelf))
      throw new AppError('invalid_input', 'An article is in the inbox or the archive.');
    out.shelf = p.shelf as ArticleShelf;
  }
  if (p.favorite !== undefined) {
    if (typeof p.favorite !== 'boolean') throw new AppError('invalid_input', 'Favorite is on or off.');
    out.favorite = p.favorite;
  }
  return out;
}
