import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Annotation, LibraryAnnotationHit } from '../../../main/model/contract';
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
/** Hits drawn at a time: a library's every highlight at once is millions of DOM nodes. */
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
  const [hits, setHits] = useState<LibraryAnnotationHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(HITS_PER_PAGE);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(
      () => {
        api.searchAnnotations({ query }).then(
          (found) => {
            if (!live) return;
            setHits(found);
            setShown(HITS_PER_PAGE);
            setError(null);
          },
          (caught: unknown) => live && setError(messageOf(caught, 'Your highlights could not be searched.')),
        );
      },
      hits === null ? 0 : SEARCH_AFTER_MS,
    );
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // Only a new query searches again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, query]);

  const groups = useMemo(() => groupByArticle(hits ?? []), [hits]);
  const visible = useMemo(() => groupByArticle((hits ?? []).slice(0, shown)), [hits, shown]);
  const hidden = Math.max(0, (hits?.length ?? 0) - shown);
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
        {hits === null
          ? 'Loading…'
          : hits.length === 0
            ? query.trim()
              ? 'No highlights match.'
              : 'No highlights yet. Open an article and select text to highlight it.'
            : `${hits.length} ${hits.length === 1 ? 'highlight' : 'highlights'} in ${groups.length} ${groups.length === 1 ? 'article' : 'articles'}`}
      </p>
      {visible.map((group) => (
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
          onClick={() => setShown((n) => n + HITS_PER_PAGE)}
        >
          Show {Math.min(hidden, HITS_PER_PAGE).toLocaleString()} more of {hidden.toLocaleString()} not shown
        </button>
      )}
    </NoteLinks>
  );
}
