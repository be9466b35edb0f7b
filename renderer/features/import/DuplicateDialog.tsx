import { Dialog } from '../../components/Dialog';
import type { PendingDuplicate } from './use-import';

export function DuplicateDialog({
  duplicate,
  onOpenExisting,
  onImportAnyway,
  onCancel,
}: {
  duplicate: PendingDuplicate;
  onOpenExisting: () => void;
  onImportAnyway: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      title="Already in your library"
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          {(duplicate.file || duplicate.paste) && (
            <button type="button" className="button" onClick={onImportAnyway}>
              Import anyway
            </button>
          )}
          <button type="button" className="button button--primary" onClick={onOpenExisting} data-autofocus="">
            Open the existing one
          </button>
        </>
      }
    >
      <p>
        <strong>
          <bdi>{duplicate.name}</bdi>
        </strong>{' '}
        is already in your library as “<bdi>{duplicate.existing.title}</bdi>”.
      </p>
    </Dialog>
  );
}
