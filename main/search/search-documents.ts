// What the library search indexes: one document per article (its text and
// details) and one per highlight (its quote, note, tags and color), each carrying
// its article's author and site so field filters work on both.
import type { Annotation, ArticleSummary } from '../model/contract';

export interface SearchDocument {
  id: string;
  kind: 'article' | 'highlight';
  articleId: string;
  annotationId: string | null;
  title: string;
  author: string;
  site: string;
  text: string;
  quote: string;
  note: string;
  tags: string[];
  /** The tags as stored for tag: filters, one per line (stored fields are strings). */
  tagLines: string;
  color: string | null;
  /** A highlight's place in the article's text (null for the article itself). */
  start: number | null;
  end: number | null;
  entities: string[];
}

export const SEARCH_FIELDS = ['title', 'author', 'site', 'text', 'quote', 'note', 'tags', 'entities'] as const;
export const STORED_FIELDS = [
  'kind',
  'articleId',
  'annotationId',
  'author',
  'site',
  'tagLines',
  'color',
  'start',
  'end',
] as const;

const articleDocId = (articleId: string) => `a:${articleId}`;
const highlightDocId = (articleId: string, annotationId: string) => `h:${articleId}:${annotationId}`;

/** The documents of one article: itself, then each of its highlights. */
export function documentsOf(
  summary: ArticleSummary,
  text: string,
  annotations: readonly Annotation[],
  entities: readonly string[],
): SearchDocument[] {
  const common = { articleId: summary.id, author: summary.author ?? '', site: summary.site ?? '', entities: [] };
  const article: SearchDocument = {
    ...common,
    id: articleDocId(summary.id),
    kind: 'article',
    annotationId: null,
    title: summary.title,
    text,
    quote: '',
    note: '',
    tags: summary.tags,
    tagLines: summary.tags.join('\n'),
    color: null,
    start: null,
    end: null,
    entities: [...entities],
  };
  const highlights = annotations.map((a): SearchDocument => ({
    ...common,
    id: highlightDocId(summary.id, a.id),
    kind: 'highlight',
    annotationId: a.id,
    title: '',
    text: '',
    quote: a.target.selector[1].exact,
    note: a.body.note,
    tags: a.body.tags,
    tagLines: a.body.tags.join('\n'),
    color: a.body.color,
    start: a.target.selector[0].start,
    end: a.target.selector[0].end,
  }));
  return [article, ...highlights];
}
