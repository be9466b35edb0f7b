import type { LibrarySearchResult, SearchHit, SearchSnippet } from '../../../main/model/contract';
import { useLibrarySearch } from './use-library-search';
import { useSearchProgress } from './use-search-progress';

/** A snippet with its hits in <mark>. */
function Marked({ snippet }: { snippet: SearchSnippet }) {
  const parts: Array<string | { mark: string }> = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start < at) continue;
    parts.push(snippet.text.slice(at, start), { mark: snippet.text.slice(start, end) });
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return <>{parts.map((part, i) => (typeof part === 'string' ? part : <mark key={i}>{part.mark}</mark>))}</>;
}

const hitLabel = (hit: SearchHit): string =>
  hit.kind === 'highlight' ? `${hit.color} highlight` : hit.kind === 'details' ? 'details' : 'in the text';

function Result({
  result,
  onOpen,
}: {
  result: LibrarySearchResult;
  onOpen: (articleId: string, start?: number, end?: number) => void;
}) {
  const { article } = result;
  return (
    <li className="search-result">
      <h3 className="search-result__title">
        <button type="button" className="search-result__open" onClick={() => onOpen(article.id)}>
          <bdi>{article.title}</bdi>
        </button>
      </h3>
      <ul className="search-result__hits" aria-label={`Matches in ${article.title}`}>
        {result.hits.map((hit, i) => (
          <li key={i}>
            <button
              type="button"
              className={`search-hit search-hit--${hit.kind}`}
              onClick={() => (hit.kind === 'details' ? onOpen(article.id) : onOpen(article.id, hit.start, hit.end))}
            >
              <span className="search-hit__kind">{hitLabel(hit)}</span>
              <span className="search-hit__snippet">
                <Marked snippet={hit.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </li>
  );
}

/** "Found in your articles": the library search for what the filter box holds, grouped by article. */
export function SearchResults({
  query,
  onOpen,
}: {
  query: string;
  onOpen: (articleId: string, start?: number, end?: number) => void;
}) {
  const state = useLibrarySearch(query);
  const indexing = useSearchProgress(state.status === 'searching');
  if (state.status === 'idle') return null;
  const found = state.status === 'done' ? state.found : state.status === 'searching' ? state.previous : null;
  return (
    <section className="search-results" aria-label="Found in your articles">
      <h2 className="search-results__title">
        Found in the text, highlights and notes
        {state.status === 'searching' && (
          <span className="search-results__busy" role="status">
            {indexing
              ? ` · indexing your library, ${indexing.done.toLocaleString()} of ${indexing.total.toLocaleString()} articles…`
              : ' · searching…'}
          </span>
        )}
      </h2>
      {state.status === 'failed' && (
        <p className="search-results__error" role="alert">
          {state.message}
        </p>
      )}
      {found?.note && <p className="search-results__note">{found.note}</p>}
      {found && found.results.length === 0 && state.status === 'done' && (
        <p className="search-results__none">Nothing in your articles matches.</p>
      )}
      {found && found.results.length > 0 && (
        <ol className="search-results__list" aria-label="Search results">
          {found.results.map((result) => (
            <Result key={result.article.id} result={result} onOpen={onOpen} />
          ))}
        </ol>
      )}
      {found && found.total > found.results.length && (
        <p className="search-results__more">
          {found.total - found.results.length} more articles match; add a word to narrow the search.
        </p>
      )}
    </section>
  );
}
