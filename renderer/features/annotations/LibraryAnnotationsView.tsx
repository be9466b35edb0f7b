import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Annotation, LibraryAnnotationHit, LibraryAnnotationSearch } from '../../../main/model/contract';
import type { Notify } from '../../components/Toast';
import { AnnotationItem } from './AnnotationItem';
import { NoteLinks } from './NoteLinks';
import '../../styles/annotations.css';
import { messageOf } from '../../api/message-of';
import { useApi } from '../../api/api-context';

interface ArticleGroup {
  id: string;
  title: string;
  hits: LibraryAnnotationHit[];
}

function groupByArticle(hits: readonly LibraryAnnotationHit[]): ArticleGroup[] {
  const groups = new Map<string, ArticleGroup>();
  for (const hit of hits) {
    let group = groups.get(hit.article.id);
    if (!group) {
      group = { id: hit.article.id, title: hit.article.title, hits: [] };
      groups.set(hit.article.id, group);
    }
    group.hits.push(hit);
  }
  return [...groups.values()];
}

const SEARCH_AFTER_MS = 200;
/** Hits asked for and drawn at a time: a library's every highlight at once is millions of DOM nodes. */
export const HITS_PER_PAGE = 200;

/** Every highlight and note in the library, searchable, grouped by article. */
export function LibraryAnnotationsView({
  notify,
  openArticle,
}: {
  notify: Notify;
  openArticle: (id: string, at?: number, end?: number) => void;
}) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<LibraryAnnotationSearch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [wanted, setWanted] = useState({ query: '', limit: HITS_PER_PAGE });

  // A new query starts again at one page; "Show more" asks the same query for a page more.
  useEffect(() => {
    const timer = window.setTimeout(
      () => setWanted((w) => (w.query === query ? w : { query, limit: HITS_PER_PAGE })),
      found === null ? 0 : SEARCH_AFTER_MS,
    );
    return () => window.clearTimeout(timer);
    // Only a new query waits for the typing to pause.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  useEffect(() => {
    let live = true;
    api.searchAnnotations(wanted).then(
      (result) => {
        if (!live) return;
        setFound(result);
        setError(null);
      },
      (caught: unknown) => live && setError(messageOf(caught, 'Your highlights could not be searched.')),
    );
    return () => {
      live = false;
    };
  }, [api, wanted]);

  const groups = useMemo(() => groupByArticle(found?.hits ?? []), [found]);
  const hidden = found ? found.total - found.hits.length : 0;
  const openAt = useCallback(
    (annotation: Annotation) =>
      openArticle(annotation.target.source, annotation.target.selector[0].start, annotation.target.selector[0].end),
    [openArticle],
  );

  return (
    <NoteLinks notify={notify} className="library-annotations">
      <input
        type="search"
        className="input library-annotations__search"
        aria-label="Search highlights and notes"
        placeholder="Search highlights and notes"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <p className="library-annotations__count" role="status">
        {found === null
          ? 'Loading…'
          : found.total === 0
            ? wanted.query.trim()
              ? 'No highlights match.'
              : 'No highlights yet. Open an article and select text to highlight it.'
            : `${found.total.toLocaleString()} ${found.total === 1 ? 'highlight' : 'highlights'} in ${found.articles.toLocaleString()} ${found.articles === 1 ? 'article' : 'articles'}`}
      </p>
      {groups.map((group) => (
        <section key={group.id} className="library-annotations__group" aria-label={group.title}>
          <h2 className="library-annotations__title">
            <button type="button" className="library-annotations__open" onClick={() => openArticle(group.id)}>
              {group.title}
            </button>
          </h2>
          <ol className="annotation-list">
            {group.hits.map(({ annotation }) => (
              <AnnotationItem
                key={annotation.id}
                annotation={annotation}
                onReveal={annotation.status === 'orphan' ? undefined : openAt}
              />
            ))}
          </ol>
        </section>
      ))}
      {hidden > 0 && (
        <button
          type="button"
          className="button library-annotations__more"
          onClick={() => setWanted((w) => ({ ...w, limit: w.limit + HITS_PER_PAGE }))}
        >
          Show {Math.min(hidden, HITS_PER_PAGE).toLocaleString()} more of {hidden.toLocaleString()} not shown
        </button>
      )}
    </NoteLinks>
  );
}
