import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { ArticleSummary } from '../../../main/model/contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useSettings } from '../../settings/settings-context';
import { ImportButtons } from '../import/ImportButtons';
import { SearchResults } from '../search/SearchResults';
import { ArticleList } from './ArticleList';
import type { LibraryProps } from './LibraryView';
import { LibraryToolbar } from './LibraryToolbar';
import { filterArticles, onShelf, sortArticles, type ShelfView } from './library-order';
import { EMPTY_SELECTION, extendTo, selectAll, selectedOf, toggleOne, type Selection } from './library-selection';
import { SelectionBar } from './SelectionBar';
import { ShelfPicker, shelfLabel } from './ShelfPicker';
import { TagArticlesDialog } from './TagArticlesDialog';
import { useArticleActions } from './use-article-actions';
import { useLibraryList } from './use-library-list';
import { useVaultExport } from './use-vault-export';

const firstRowButton = () => document.querySelector<HTMLButtonElement>('.article-list .article-row__open');

/** The Articles section: shelves, search, the list, and what can be done to one article or many. */
export function ArticlesSection({
  nativeDialogs,
  importer,
  refreshKey,
  openArticle,
  focusArticle,
  notify,
}: LibraryProps) {
  const { settings } = useSettings();
  const { articles, setArticles, loadError } = useLibraryList(refreshKey);
  const [query, setQuery] = useState('');
  const [shelf, setShelf] = useState<ShelfView>('inbox');
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [confirming, setConfirming] = useState<readonly ArticleSummary[] | null>(null);
  const [tagging, setTagging] = useState(false);
  const deferredQuery = useDeferredValue(query);
  const actions = useArticleActions(setArticles, notify);
  const vault = useVaultExport(notify);

  const sorted = useMemo(() => (articles ? sortArticles(articles, settings.librarySort) : []), [articles, settings]);
  const onThisShelf = useMemo(() => sorted.filter((a) => onShelf(a, shelf)), [sorted, shelf]);
  const shown = useMemo(() => filterArticles(onThisShelf, deferredQuery), [onThisShelf, deferredQuery]);
  const selected = useMemo(() => selectedOf(shown, selection), [shown, selection]);
  const order = useMemo(() => shown.map((a) => a.id), [shown]);

  const onSelect = useCallback(
    (id: string, extend: boolean) => setSelection((s) => (extend ? extendTo(s, order, id) : toggleOne(s, id))),
    [order],
  );
  const clearSelection = useCallback(() => setSelection(EMPTY_SELECTION), []);
  // A key or a row button acts on the selection when its article is part of it, else on that article alone.
  const targets = useCallback(
    (article: ArticleSummary) => (selection.ids.has(article.id) ? selected : [article]),
    [selected, selection],
  );
  const onFavorite = useCallback(
    (article: ArticleSummary) => void actions.setFavorite(targets(article), !article.favorite),
    [actions, targets],
  );
  const onArchive = useCallback(
    (article: ArticleSummary) =>
      void actions.setShelf(targets(article), article.shelf === 'archive' ? 'inbox' : 'archive'),
    [actions, targets],
  );
  const askDelete = useCallback((article: ArticleSummary) => setConfirming(targets(article)), [targets]);

  const remove = (doomed: readonly ArticleSummary[]) => {
    setConfirming(null);
    clearSelection();
    // Keyboard users stay in the list: focus moves to the row that takes the first deleted one's place.
    const ids = new Set(doomed.map((a) => a.id));
    const index = shown.findIndex((a) => ids.has(a.id));
    const next =
      shown.slice(index).find((a) => !ids.has(a.id)) ?? shown.slice(0, index).findLast((a) => !ids.has(a.id));
    if (next)
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(`[data-article-id="${CSS.escape(next.id)}"] .article-row__open`)
          ?.focus({ preventScroll: true }),
      );
    void actions.remove(doomed);
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
  if (articles.length === 0) return <EmptyLibrary {...{ importer, nativeDialogs }} />;

  const searching = deferredQuery.trim() !== '';
  return (
    <div className="library__section">
      <LibraryToolbar
        query={query}
        onQuery={setQuery}
        onToList={() => {
          const first = firstRowButton();
          first?.focus();
          return first !== null;
        }}
        importer={importer}
        nativeDialogs={nativeDialogs}
      />
      <ShelfPicker articles={articles} shown={shelf} onShow={setShelf} />
      {selected.length > 0 ? (
        <SelectionBar
          selected={selected}
          exporting={vault.progress}
          onExport={() => void vault.exportVault(selected)}
          onTag={() => setTagging(true)}
          onArchive={(archive) => void actions.setShelf(selected, archive ? 'archive' : 'inbox')}
          onFavorite={(favorite) => void actions.setFavorite(selected, favorite)}
          onDelete={() => setConfirming(selected)}
          onClear={clearSelection}
        />
      ) : (
        <p className="library__count" aria-live="polite">
          {countLine(shown.length, onThisShelf.length, shelf, searching)}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="library__no-match">
          {searching
            ? `No titles, authors, sites or tags in ${shelfLabel(shelf)} match “${deferredQuery.trim()}”.`
            : `Nothing in ${shelfLabel(shelf)} yet.`}
        </p>
      ) : (
        <ArticleList
          articles={shown}
          focusId={focusArticle}
          selectedIds={selection.ids}
          onOpen={openArticle}
          onSelect={onSelect}
          onSelectAll={() => setSelection(selectAll(order))}
          onClearSelection={clearSelection}
          onFavorite={onFavorite}
          onArchive={onArchive}
          onDelete={askDelete}
        />
      )}
      {/* The typed query, not the deferred one: the search is sent before the list is filtered (tens of ms at 10,000). */}
      <SearchResults query={query} onOpen={openArticle} />
      {articles.length < 5 && !searching && (
        <p className="library__tip">
          Tip: drop files anywhere in this window to import them. Ctrl- or Shift-click to select several. Press ? for
          shortcuts.
        </p>
      )}
      {tagging && (
        <TagArticlesDialog
          count={selected.length}
          onClose={() => setTagging(false)}
          onAdd={(tags) => {
            setTagging(false);
            void actions.addTags(selected, tags);
          }}
        />
      )}
      {confirming && <ConfirmDelete articles={confirming} onCancel={() => setConfirming(null)} onConfirm={remove} />}
    </div>
  );
}

function countLine(shown: number, onShelfCount: number, shelf: ShelfView, searching: boolean): string {
  const noun = (n: number) => (n === 1 ? 'article' : 'articles');
  const where = shelf === 'all' ? '' : ` in ${shelfLabel(shelf)}`;
  return searching ? `${shown} of ${onShelfCount} ${noun(onShelfCount)}${where}` : `${shown} ${noun(shown)}${where}`;
}

function ConfirmDelete({
  articles,
  onCancel,
  onConfirm,
}: {
  articles: readonly ArticleSummary[];
  onCancel: () => void;
  onConfirm: (articles: readonly ArticleSummary[]) => void;
}) {
  const one = articles.length === 1 ? articles[0] : undefined;
  return (
    <ConfirmDialog
      title={one ? 'Delete this article?' : `Delete ${articles.length} articles?`}
      confirmLabel="Delete"
      danger
      onCancel={onCancel}
      onConfirm={() => onConfirm(articles)}
    >
      <p>
        {one ? (
          <>
            “<bdi>{one.title}</bdi>” and its highlights and notes
          </>
        ) : (
          <>These articles and their highlights and notes</>
        )}{' '}
        will be removed from your library. You can undo this for a few seconds afterwards.
      </p>
    </ConfirmDialog>
  );
}

function EmptyLibrary({ importer, nativeDialogs }: Pick<LibraryProps, 'importer' | 'nativeDialogs'>) {
  return (
    <div className="library__section">
      <div className="empty-state">
        <h2 className="empty-state__title">Your library is empty</h2>
        <p className="empty-state__text">
          Bring in something worth reading: a saved web page, a PDF, an EPUB book, a Markdown file or plain text. You
          can also paste an article, or drop files anywhere in this window.
        </p>
        <div className="empty-state__actions">
          <ImportButtons importer={importer} nativeDialogs={nativeDialogs} />
        </div>
        <p className="empty-state__hint">Everything stays on this computer. Nothing is fetched from the web.</p>
      </div>
    </div>
  );
}
