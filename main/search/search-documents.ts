// What the library search indexes: one document per article — its text and details,
// and the quotes, notes and tags of its highlights — so a query is scored once per
// article, not once per highlight (ten times fewer postings in a library with ten
// highlights an article). Each document keeps its highlights, so a result can say
// which of them matched without reading the article's state again.
import type { Annotation, ArticleSummary, HighlightColor } from '../model/contract';

export interface IndexedHighlight {
  id: string;
  color: HighlightColor;
  /** The highlight's place in the article's text. */
  start: number;
  end: number;
  quote: string;
  note: string;
  tags: string[];
}

export interface SearchDocument {
  id: string;
  articleId: string;
  title: string;
  author: string;
  site: string;
  text: string;
  /** The highlights' quotes and notes, searched as fields of the article. */
  quote: string[];
  note: string[];
  /** The article's tags and its highlights' tags: one tag space. */
  tags: string[];
  entities: string[];
  /** The article's own tags, for tag: (a highlight's tags are in `highlights`). */
  articleTags: string[];
  highlights: IndexedHighlight[];
}

export const SEARCH_FIELDS = ['title', 'author', 'site', 'text', 'quote', 'note', 'tags', 'entities'] as const;
export const STORED_FIELDS = ['articleId', 'author', 'site', 'articleTags', 'highlights'] as const;

export const docIdOf = (articleId: string) => `a:${articleId}`;

export type StoredDocument = Pick<SearchDocument, (typeof STORED_FIELDS)[number]>;

/** The document of one article, with its highlights. */
export function documentOf(
  summary: ArticleSummary,
  text: string,
  annotations: readonly Annotation[],
  entities: readonly string[],
): SearchDocument {
  const highlights = annotations.map((a): IndexedHighlight => ({
    id: a.id,
    color: a.body.color,
    start: a.target.selector[0].start,
    end: a.target.selector[0].end,
    quote: a.target.selector[1].exact,
    note: a.body.note,
    tags: a.body.tags,
  }));
  return {
    id: docIdOf(summary.id),
    articleId: summary.id,
    title: summary.title,
    author: summary.author ?? '',
    site: summary.site ?? '',
    text,
    quote: highlights.map((h) => h.quote),
    note: highlights.map((h) => h.note).filter(Boolean),
    tags: [...summary.tags, ...highlights.flatMap((h) => h.tags)],
    entities: [...entities],
    articleTags: summary.tags,
    highlights,
  };
}
