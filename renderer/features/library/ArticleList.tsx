import { useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../main/model/contract';
import { ArticleRow } from './ArticleRow';
import { useRowWindow } from './use-row-window';

interface Props {
  articles: readonly ArticleSummary[];
  /** Focused once it is in the list: the article just read, or just imported. */
  focusId?: string;
  onOpen: (id: string) => void;
  onDelete: (article: ArticleSummary) => void;
}

/**
 * The library as a `list`. Arrow keys move between articles (one tab stop for
 * the whole list), Enter opens, Delete asks to delete. Small libraries render
 * every row (off-screen rows skip layout via content-visibility); big ones
 * render only the rows on screen, with aria-setsize/posinset for the rest.
 */
export function ArticleList({ articles, focusId, onOpen, onDelete }: Props) {
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
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor(window.innerHeight / rowHeight) - 2);
    switch (event.key) {
      case 'ArrowDown':
        focusIndex(activeIndex + 1);
        break;
      case 'ArrowUp':
        focusIndex(activeIndex - 1);
        break;
      case 'PageDown':
        focusIndex(activeIndex + page);
        break;
      case 'PageUp':
        focusIndex(activeIndex - page);
        break;
      case 'Home':
        focusIndex(0);
        break;
      case 'End':
        focusIndex(articles.length - 1);
        break;
      case 'Delete': {
        const article = articles[activeIndex];
        if (article) onDelete(article);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
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
            onOpen={onOpen}
            onDelete={onDelete}
            onFocusRow={setActiveId}
          />
        );
      })}
    </ul>
  );
}
