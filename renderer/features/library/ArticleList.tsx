import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../main/model/contract';
import { ArticleRow } from './ArticleRow';
import { useRowWindow } from './use-row-window';

type KeyAction = 'select' | 'favorite' | 'archive' | 'delete' | 'clear';
const ACTIONS: Partial<Record<string, KeyAction>> = {
  ' ': 'select',
  f: 'favorite',
  e: 'archive',
  delete: 'delete',
  escape: 'clear',
};

interface Props {
  articles: readonly ArticleSummary[];
  /** Focused once it is in the list: the article just read, or just imported. */
  focusId?: string;
  selectedIds: ReadonlySet<string>;
  onOpen: (id: string) => void;
  onSelect: (id: string, extend: boolean) => void;
  onSelectAll: () => void;
  onClearSelection: () => void;
  onFavorite: (article: ArticleSummary) => void;
  onArchive: (article: ArticleSummary) => void;
  onDelete: (article: ArticleSummary) => void;
}

/**
 * The library as a `list`. Arrow keys move between articles (one tab stop for
 * the whole list), Enter opens, Delete asks to delete; Space selects, Shift+arrows
 * extend the selection, Ctrl+A selects all, Escape clears it, E archives and
 * F marks a favorite (the selection, or the focused article). Small libraries render
 * every row (off-screen rows skip layout via content-visibility); big ones
 * render only the rows on screen, with aria-setsize/posinset for the rest.
 */
export function ArticleList(props: Props) {
  const { articles, focusId, selectedIds, onOpen, onSelect, onSelectAll, onClearSelection } = props;
  const { onFavorite, onArchive, onDelete } = props;
  const [activeId, setActiveId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const { windowed, start, end, rowHeight, scrollToIndex } = useRowWindow(listRef, articles.length);

  const found = articles.findIndex((article) => article.id === activeId);
  const activeIndex = found === -1 ? 0 : found;
  // The tab stop must be a rendered row.
  const tabStop = activeIndex >= start && activeIndex < end ? activeIndex : start;

  const focusIndex = useCallback(
    (index: number) => {
      const clamped = Math.min(articles.length - 1, Math.max(0, index));
      const target = articles[clamped];
      if (!target) return;
      setActiveId(target.id);
      scrollToIndex(clamped);
      // The row may only exist after this render; focus on the next frame.
      requestAnimationFrame(() => {
        const button = listRef.current?.querySelector<HTMLButtonElement>(
          `[data-article-id="${CSS.escape(target.id)}"] .article-row__open`,
        );
        button?.focus({ preventScroll: windowed });
        if (!windowed) button?.closest('li')?.scrollIntoView({ block: 'nearest' });
      });
    },
    [articles, scrollToIndex, windowed],
  );

  // Once per request, when the article is in the list; never out of a field the user is typing in.
  const focusedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focusId || focusedFor.current === focusId) return;
    const index = articles.findIndex((article) => article.id === focusId);
    if (index === -1) return;
    focusedFor.current = focusId;
    if (document.activeElement?.closest('input, textarea, select, dialog[open]')) return;
    focusIndex(index);
  }, [articles, focusId, focusIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey) return;
    // A checkbox toggles itself on Space (its click selects); taking the key here too would toggle twice.
    if (event.key === ' ' && (event.target as HTMLElement).matches('input[type="checkbox"]')) return;
    const article = articles[activeIndex];
    if (event.ctrlKey || event.metaKey) {
      if (event.key.toLowerCase() !== 'a') return;
      onSelectAll();
    } else if (event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      const next = articles[activeIndex + (event.key === 'ArrowDown' ? 1 : -1)];
      if (!article || !next) return;
      if (!selectedIds.has(article.id)) onSelect(article.id, false);
      onSelect(next.id, true);
      focusIndex(activeIndex + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (!moveFocus(event.key)) {
      const act = ACTIONS[event.key.toLowerCase()];
      if (!act) return;
      if (act === 'clear') {
        if (selectedIds.size === 0) return;
        onClearSelection();
      } else if (article) {
        ({ select: () => onSelect(article.id, false), favorite: onFavorite, archive: onArchive, delete: onDelete })[
          act
        ](article);
      }
    }
    event.preventDefault();
  };

  /** Arrow keys, Page Up/Down, Home and End; false for any other key. */
  const moveFocus = (key: string): boolean => {
    const page = Math.max(1, Math.floor(window.innerHeight / rowHeight) - 2);
    const to: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: articles.length - 1,
    };
    if (!(key in to)) return false;
    focusIndex(to[key]!);
    return true;
  };

  const rows = windowed ? articles.slice(start, end) : articles;
  const padding = windowed
    ? ({
        '--before': `${start * rowHeight}px`,
        '--after': `${(articles.length - end) * rowHeight}px`,
      } as CSSProperties)
    : undefined;

  return (
    <ul
      ref={listRef}
      className={windowed ? 'article-list article-list--windowed' : 'article-list'}
      role="list"
      aria-label="Articles"
      // Focus parks here while a windowed list swaps rows; arrow keys keep working from it.
      tabIndex={-1}
      onKeyDown={onKeyDown}
      style={padding}
    >
      {rows.map((article, offset) => {
        const index = (windowed ? start : 0) + offset;
        return (
          <ArticleRow
            key={article.id}
            article={article}
            position={windowed ? { index: index + 1, of: articles.length } : undefined}
            active={index === tabStop}
            selected={selectedIds.has(article.id)}
            onOpen={onOpen}
            onSelect={onSelect}
            onFavorite={onFavorite}
            onArchive={onArchive}
            onDelete={onDelete}
            onFocusRow={setActiveId}
          />
        );
      })}
    </ul>
  );
}
