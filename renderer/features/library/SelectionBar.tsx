import type { ArticleSummary, TaskProgress } from '../../../main/model/contract';

interface Props {
  selected: readonly ArticleSummary[];
  exporting: TaskProgress | null;
  onExport: () => void;
  onTag: () => void;
  onArchive: (archive: boolean) => void;
  onFavorite: (favorite: boolean) => void;
  onDelete: () => void;
  onClear: () => void;
}

/** The actions on the selected articles; shown while any are selected. */
export function SelectionBar({
  selected,
  exporting,
  onExport,
  onTag,
  onArchive,
  onFavorite,
  onDelete,
  onClear,
}: Props) {
  const n = selected.length;
  const allArchived = selected.every((a) => a.shelf === 'archive');
  const allFavorite = selected.every((a) => a.favorite);
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected articles">
      <span className="selection-bar__count">{n === 1 ? '1 selected' : `${n} selected`}</span>
      <button type="button" className="button" onClick={onExport} disabled={exporting !== null}>
        Export as vault
      </button>
      <button type="button" className="button" onClick={onTag}>
        Add tags…
      </button>
      <button type="button" className="button" onClick={() => onArchive(!allArchived)}>
        {allArchived ? 'Move to inbox' : 'Archive'}
      </button>
      <button type="button" className="button" onClick={() => onFavorite(!allFavorite)}>
        {allFavorite ? 'Remove from favorites' : 'Add to favorites'}
      </button>
      <button type="button" className="button button--danger" onClick={onDelete}>
        Delete
      </button>
      <button type="button" className="button button--quiet" onClick={onClear}>
        Clear selection
      </button>
      {exporting && (
        <span className="selection-bar__progress" role="status">
          Exporting {exporting.done} of {exporting.total}…
        </span>
      )}
    </div>
  );
}
