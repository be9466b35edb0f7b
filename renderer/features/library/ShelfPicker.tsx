import type { ArticleSummary } from '../../../main/model/contract';
import { onShelf, SHELF_VIEWS, type ShelfView } from './library-order';

const LABELS: Record<ShelfView, string> = {
  inbox: 'Inbox',
  favorites: 'Favorites',
  archive: 'Archive',
  all: 'All',
};

interface Props {
  articles: readonly ArticleSummary[];
  shown: ShelfView;
  onShow: (view: ShelfView) => void;
}

/** Inbox, Favorites, Archive, All: which part of the library the list shows, with how many are in each. */
export function ShelfPicker({ articles, shown, onShow }: Props) {
  return (
    <div className="shelf-picker" role="group" aria-label="Shelf">
      {SHELF_VIEWS.map((view) => {
        const n = articles.filter((a) => onShelf(a, view)).length;
        return (
          <button
            key={view}
            type="button"
            className="shelf-picker__button"
            aria-pressed={view === shown}
            onClick={() => onShow(view)}
          >
            {LABELS[view]}
            <span className="shelf-picker__count" aria-hidden="true">
              {n}
            </span>
          </button>
        );
      })}
    </div>
  );
}

export function shelfLabel(view: ShelfView): string {
  return LABELS[view];
}
