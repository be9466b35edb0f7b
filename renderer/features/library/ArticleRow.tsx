import { memo, type CSSProperties } from 'react';
import type { ArticleSummary } from '../../../main/model/contract';
import { Icon } from '../../components/Icon';
import { formatDate, formatMinutes, formatPercent, formatWords, hostOf } from './format';

interface Props {
  article: ArticleSummary;
  /** The one row in the tab order (roving tabindex). */
  active: boolean;
  /** Set in windowed lists, where most rows are not in the DOM. */
  position?: { index: number; of: number };
  selected: boolean;
  onOpen: (id: string) => void;
  /** `extend`: from the last row toggled to this one (Shift). */
  onSelect: (id: string, extend: boolean) => void;
  onFavorite: (article: ArticleSummary) => void;
  onArchive: (article: ArticleSummary) => void;
  onDelete: (article: ArticleSummary) => void;
  onFocusRow: (id: string) => void;
}

function progressLabel(article: ArticleSummary, progress: number): { short: string; long: string } {
  if (progress >= 0.98) return { short: 'Read', long: 'Finished' };
  if (progress > 0) return { short: formatPercent(progress), long: `${formatPercent(progress)} read` };
  // "New" is for an article never opened; one opened and not yet scrolled says so.
  return article.opened === null ? { short: 'New', long: 'New' } : { short: 'Opened', long: 'Opened, not started' };
}

/** One article in the library list. Memoised: typing in the filter must not re-render 10,000 rows. */
export const ArticleRow = memo(function ArticleRow({
  article,
  active,
  position,
  selected,
  onOpen,
  onSelect,
  onFavorite,
  onArchive,
  onDelete,
  onFocusRow,
}: Props) {
  const metaId = `article-meta-${article.id}`;
  const titleId = `article-title-${article.id}`;
  const progress = Math.min(1, Math.max(0, article.progress));
  const label = progressLabel(article, progress);
  const host = hostOf(article.sourceUrl);
  const meta = [
    article.author,
    article.site ?? host,
    article.site && host && !article.site.toLowerCase().includes(host.split('.')[0]!) ? host : null,
    `Added ${formatDate(article.added)}`,
    formatWords(article.wordCount),
    formatMinutes(article.readingMinutes),
  ].filter(Boolean);
  return (
    <li
      className={selected ? 'article-row article-row--selected' : 'article-row'}
      data-article-id={article.id}
      aria-posinset={position?.index}
      aria-setsize={position?.of}
      onClick={(event) => {
        if (event.shiftKey || event.ctrlKey || event.metaKey) {
          event.preventDefault();
          onSelect(article.id, event.shiftKey);
          return;
        }
        if ((event.target as HTMLElement).closest('.article-row__control')) return;
        onOpen(article.id);
      }}
    >
      <input
        type="checkbox"
        className="article-row__control article-row__select"
        tabIndex={active ? 0 : -1}
        // "Select" alone, like Delete: the title is its description, so a search for the title finds one control.
        aria-label="Select"
        aria-describedby={titleId}
        checked={selected}
        // The row's click handler does the selecting, Shift and all; this only keeps React's control in step.
        onChange={() => undefined}
        onClick={(event) => {
          if (event.shiftKey || event.ctrlKey || event.metaKey) return;
          event.stopPropagation();
          onSelect(article.id, false);
        }}
      />
      <div className="article-row__text">
        <button
          id={titleId}
          type="button"
          className="article-row__open"
          tabIndex={active ? 0 : -1}
          aria-describedby={metaId}
          title={article.title}
          onFocus={() => onFocusRow(article.id)}
        >
          {article.title}
        </button>
        <p className="article-row__meta" id={metaId}>
          {meta.map((part, index) => (
            <span key={index} className="article-row__meta-part">
              {part}
            </span>
          ))}
          {article.tags.length > 0 && (
            <span className="article-row__meta-part">{article.tags.map((t) => `#${t}`).join(' ')}</span>
          )}
          {article.highlightCount > 0 && (
            <span className="article-row__meta-part">
              {article.highlightCount} {article.highlightCount === 1 ? 'highlight' : 'highlights'}
            </span>
          )}
        </p>
      </div>
      <div
        className={progress >= 0.98 ? 'article-row__progress article-row__progress--done' : 'article-row__progress'}
        role="progressbar"
        aria-label="Reading progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(progress * 100)}
        aria-valuetext={label.long}
        style={{ '--progress': progress } as CSSProperties}
      >
        <span className="article-row__progress-label" aria-hidden="true">
          {label.short}
        </span>
        <span className="article-row__progress-track" aria-hidden="true">
          <span className="article-row__progress-fill" />
        </span>
      </div>
      <button
        type="button"
        className={
          article.favorite
            ? 'button button--quiet icon-button article-row__control article-row__favorite article-row__favorite--on'
            : 'button button--quiet icon-button article-row__control article-row__favorite'
        }
        tabIndex={active ? 0 : -1}
        aria-label="Favorite"
        aria-pressed={article.favorite}
        aria-describedby={titleId}
        onClick={() => onFavorite(article)}
      >
        <Icon name="star" />
      </button>
      <button
        type="button"
        className="button button--quiet icon-button article-row__control"
        tabIndex={active ? 0 : -1}
        aria-label={article.shelf === 'archive' ? 'Move to inbox' : 'Archive'}
        aria-describedby={titleId}
        onClick={() => onArchive(article)}
      >
        <Icon name={article.shelf === 'archive' ? 'inbox' : 'archive'} />
      </button>
      <button
        type="button"
        className="button button--quiet icon-button article-row__control article-row__delete"
        tabIndex={active ? 0 : -1}
        // "Delete" alone, so a search for the title's button finds only the title.
        aria-label="Delete"
        aria-describedby={titleId}
        onClick={() => onDelete(article)}
      >
        <Icon name="trash" />
      </button>
    </li>
  );
});
