import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { ArticleSummary } from '../../../main/model/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { Tabs } from '../../components/Tabs';
import type { Notify } from '../../components/Toast';
import { LibraryAnnotationsView } from '../annotations/LibraryAnnotationsView';
import { LibraryEntitiesView } from '../entities/LibraryEntitiesView';
import { ImportButtons } from '../import/ImportButtons';
import type { Importer } from '../import/use-import';
import { ArticleList } from './ArticleList';
import { useSettings } from '../../settings/settings-context';
import { filterArticles, sortArticles, type LibrarySort } from './library-order';
import { SearchResults } from '../search/SearchResults';
import { messageOf } from '../../api/message-of';
import { useApi } from '../../api/api-context';

type Section = 'articles' | 'highlights' | 'entities';

interface Props {
  nativeDialogs: boolean;
  importer: Importer;
  /** Bumped by the app after an import so the list reloads. */
  refreshKey: number;
  /** `at`/`end`: a canonical range to reveal and flash (a highlight, a mention). */
  openArticle: (id: string, at?: number, end?: number) => void;
  /** The article to put the keyboard on once the list shows it (the one just read or imported). */
  focusArticle?: string;
  notify: Notify;
  onShowHelp: () => void;
}

const SORT_LABELS: Record<LibrarySort, string> = {
  added: 'Recently added',
  title: 'Title',
  progress: 'Reading progress',
};

export function LibraryView(props: Props) {
  const { openArticle, onShowHelp } = props;
  const [section, setSection] = useState<Section>('articles');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === '?') {
        event.preventDefault();
        onShowHelp();
      } else if (event.key === '/') {
        const filter = document.querySelector<HTMLInputElement>('input[aria-label="Filter articles"]');
        if (filter) {
          event.preventDefault();
          filter.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onShowHelp]);

  return (
    <div className="library">
      <Tabs<Section>
        label="Library sections"
        className="library__tabs"
        selected={section}
        onSelect={setSection}
        leading={<h1 className="wordmark">Gloss</h1>}
        trailing={
          <button
            type="button"
            className="button button--quiet icon-button library__help"
            aria-label="Keyboard shortcuts"
            aria-keyshortcuts="?"
            onClick={onShowHelp}
          >
            <Icon name="help" />
          </button>
        }
        tabs={[
          { id: 'articles', label: 'Articles', render: () => <ArticlesSection {...props} /> },
          {
            id: 'highlights',
            label: 'Highlights',
            render: () => (
              <div className="library__section">
                <LibraryAnnotationsView notify={props.notify} openArticle={openArticle} />
              </div>
            ),
          },
          {
            id: 'entities',
            label: 'Entities',
            render: () => (
              <div className="library__section">
                <LibraryEntitiesView openArticle={openArticle} />
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}

function ArticlesSection({ nativeDialogs, importer, refreshKey, openArticle, focusArticle, notify }: Props) {
  const api = useApi();
  const { settings, update: updateSettings } = useSettings();
  const sort = settings.librarySort;
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [confirming, setConfirming] = useState<ArticleSummary | null>(null);
  const deferredQuery = useDeferredValue(query);

  useEffect(() => {
    let live = true;
    performance.mark('gloss:library-request');
    api.listArticles({}).then(
      (list) => {
        if (live) setArticles(list);
      },
      (error: unknown) => {
        if (live) setLoadError(messageOf(error, 'The library could not be read.'));
      },
    );
    return () => {
      live = false;
    };
  }, [api, refreshKey]);

  // For the benchmark: the list is in the DOM once this runs.
  useLayoutEffect(() => {
    if (articles) performance.mark('gloss:library-shown');
  }, [articles]);

  const sorted = useMemo(() => (articles ? sortArticles(articles, sort) : []), [articles, sort]);
  const shown = useMemo(() => filterArticles(sorted, deferredQuery), [sorted, deferredQuery]);

  const askDelete = useCallback((article: ArticleSummary) => setConfirming(article), []);

  const remove = async (article: ArticleSummary) => {
    setConfirming(null);
    // Keyboard users stay in the list: focus moves to the row that takes the deleted one's place.
    const index = shown.findIndex((item) => item.id === article.id);
    const nextId = (shown[index + 1] ?? shown[index - 1])?.id;
    setArticles((current) => current?.filter((item) => item.id !== article.id) ?? null);
    if (nextId)
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(`[data-article-id="${CSS.escape(nextId)}"] .article-row__open`)
          ?.focus({ preventScroll: true }),
      );
    const putBack = (restored: ArticleSummary) =>
      setArticles((current) => [...(current ?? []).filter((item) => item.id !== restored.id), restored]);
    try {
      await api.deleteArticle({ id: article.id });
      notify(`Deleted “${article.title}”.`, {
        undo: () => {
          api
            .restoreArticle({ id: article.id })
            .then(putBack, (error: unknown) =>
              notify(messageOf(error, 'The article could not be restored.'), { level: 'error' }),
            );
        },
      });
    } catch (error) {
      putBack(article);
      notify(messageOf(error, `“${article.title}” could not be deleted.`), { level: 'error' });
    }
  };

  if (loadError) {
    return (
      <div className="library__section">
        <p className="library__error" role="alert">
          {loadError}
        </p>
      </div>
    );
  }
  if (!articles) {
    return (
      <div className="library__section">
        <p className="library__loading">Opening your library…</p>
      </div>
    );
  }

  if (articles.length === 0) {
    return (
      <div className="library__section">
        <div className="empty-state">
          <h2 className="empty-state__title">Your library is empty</h2>
          <p className="empty-state__text">
            Bring in something worth reading: a saved web page, a Markdown file or plain text. You can also paste an
            article, or drop files anywhere in this window.
          </p>
          <div className="empty-state__actions">
            <ImportButtons importer={importer} nativeDialogs={nativeDialogs} />
          </div>
          <p className="empty-state__hint">Everything stays on this computer. Nothing is fetched from the web.</p>
        </div>
      </div>
    );
  }

  return (
    <div className="library__section">
      <div className="library__toolbar">
        <label className="library__filter">
          <Icon name="search" />
          <input
            type="search"
            className="input"
            aria-label="Filter articles"
            placeholder="Search: words, “phrases”, tag:, color:, author:, site:"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && query) {
                event.preventDefault();
                setQuery('');
              } else if (event.key === 'ArrowDown' || (event.key === 'Enter' && shown.length > 0)) {
                event.preventDefault();
                document.querySelector<HTMLButtonElement>('.article-list .article-row__open')?.focus();
              }
            }}
          />
        </label>
        <label className="library__sort">
          <span className="library__sort-label">Sort</span>
          <select
            className="select"
            aria-label="Sort articles"
            value={sort}
            onChange={(event) => updateSettings({ librarySort: event.target.value as LibrarySort })}
          >
            {(Object.keys(SORT_LABELS) as LibrarySort[]).map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
        <div className="library__import">
          <ImportButtons importer={importer} nativeDialogs={nativeDialogs} />
        </div>
      </div>
      <p className="library__count" aria-live="polite">
        {deferredQuery.trim()
          ? `${shown.length} of ${articles.length} ${articles.length === 1 ? 'article' : 'articles'}`
          : `${articles.length} ${articles.length === 1 ? 'article' : 'articles'}`}
      </p>
      {shown.length === 0 ? (
        <p className="library__no-match">No titles, authors, sites or tags match “{deferredQuery.trim()}”.</p>
      ) : (
        <ArticleList articles={shown} focusId={focusArticle} onOpen={openArticle} onDelete={askDelete} />
      )}
      <SearchResults query={deferredQuery} onOpen={openArticle} />
      {articles.length < 5 && !deferredQuery.trim() && (
        <p className="library__tip">Tip: drop files anywhere in this window to import them. Press ? for shortcuts.</p>
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete this article?"
          confirmLabel="Delete"
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => void remove(confirming)}
        >
          <p>
            “<bdi>{confirming.title}</bdi>” and its highlights and notes will be removed from your library. You can undo
            this for a few seconds afterwards.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
