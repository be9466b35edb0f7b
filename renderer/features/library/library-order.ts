import type { ArticleSummary, ReaderSettings } from '../../../main/model/contract';
import { fold } from '../../text/fold';

export type LibrarySort = ReaderSettings['librarySort'];

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Newest first; titles A–Z; progress: the ones you are in the middle of first, finished ones last. */
export function sortArticles(articles: readonly ArticleSummary[], sort: LibrarySort): ArticleSummary[] {
  const list = [...articles];
  switch (sort) {
    case 'title':
      return list.sort((a, b) => collator.compare(a.title, b.title) || b.added.localeCompare(a.added));
    case 'progress':
      return list.sort((a, b) => progressRank(b) - progressRank(a) || b.added.localeCompare(a.added));
    case 'added':
    default:
      return list.sort((a, b) => b.added.localeCompare(a.added) || collator.compare(a.title, b.title));
  }
}

// Started-but-unfinished outranks unread, which outranks finished.
function progressRank(article: ArticleSummary): number {
  if (article.progress >= 0.98) return -1;
  return article.progress;
}

/** The library's shelves as a reader picks them: the inbox, favorites (from either shelf), the archive, everything. */
export const SHELF_VIEWS = ['inbox', 'favorites', 'archive', 'all'] as const;
export type ShelfView = (typeof SHELF_VIEWS)[number];

export function onShelf(article: ArticleSummary, view: ShelfView): boolean {
  switch (view) {
    case 'inbox':
      return article.shelf === 'inbox';
    case 'archive':
      return article.shelf === 'archive';
    case 'favorites':
      return article.favorite;
    case 'all':
      return true;
  }
}

// `tag:`, `author:` and `site:` narrow the list to that field; other words match any of them.
const FIELD_WORD = /^(tag|author|site):(.+)$/;

function matchesWord(article: ArticleSummary, word: string): boolean {
  const field = FIELD_WORD.exec(word);
  if (field?.[1] === 'tag') return article.tags.some((tag) => fold(tag).startsWith(field[2]!));
  if (field?.[1] === 'author') return fold(article.author ?? '').includes(field[2]!);
  if (field?.[1] === 'site') return fold(`${article.site ?? ''} ${article.sourceUrl ?? ''}`).includes(field[2]!);
  const haystack = fold([article.title, article.author ?? '', article.site ?? '', article.tags.join(' ')].join(' '));
  return haystack.includes(word);
}

/** Every word of the query must appear in the title, author, site or tags (case- and accent-insensitive). */
export function filterArticles(articles: readonly ArticleSummary[], query: string): readonly ArticleSummary[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return articles;
  return articles.filter((article) => words.every((word) => matchesWord(article, word)));
}
