import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleSummary } from '../../../main/api/contract';
import { ArticleRow } from './ArticleRow';

/** Rows in the first paint; the rest follow in chunks so a 10,000-article library still shows at once. */
const FIRST_ROWS = 300;
const CHUNK_ROWS = 1500;

interface Props {
  articles: readonly ArticleSummary[];
  onOpen: (id: string) => void;
  onDelete: (article: ArticleSummary) => void;
}

/**
 * The library as a `list`. Arrow keys move between articles (one tab stop for
 * the whole list), Enter opens, Delete asks to delete. Off-screen rows skip
 * layout and paint thanks to `content-visibility: auto` in library.css.
 */
export function ArticleList({ articles, onOpen, onDelete }: Props) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [shown, setShown] = useState(FIRST_ROWS);
  const listRef = useRef<HTMLUListElement>(null);

  // Grow the rendered slice after first paint, one chunk per frame.
  useEffect(() => {
    if (shown >= articles.length) return;
    const handle = window.setTimeout(() => setShown((count) => count + CHUNK_ROWS), 16);
    return () => window.clearTimeout(handle);
  }, [shown, articles.length]);

  const visible = shown >= articles.length ? articles : articles.slice(0, shown);
  const activeIndex = Math.max(
    0,
    articles.findIndex((article) => article.id === activeId),
  );

  const focusIndex = (index: number) => {
    const target = articles[Math.min(articles.length - 1, Math.max(0, index))];
    if (!target) return;
    if (index >= shown) setShown(articles.length);
    setActiveId(target.id);
    // The row may only exist after this render; focus on the next frame.
    requestAnimationFrame(() => {
      const button = listRef.current?.querySelector<HTMLButtonElement>(
        `[data-article-id="${CSS.escape(target.id)}"] .article-row__open`,
      );
      button?.focus();
      button?.closest('li')?.scrollIntoView({ block: 'nearest' });
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 600) / 72) - 1);
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

  return (
    <ul ref={listRef} className="article-list" role="list" aria-label="Articles" onKeyDown={onKeyDown}>
      {visible.map((article, index) => (
        <ArticleRow
          key={article.id}
          article={article}
          active={index === activeIndex}
          onOpen={onOpen}
          onDelete={onDelete}
          onFocusRow={setActiveId}
        />
      ))}
    </ul>
  );
}
