import { useId, type ReactNode } from 'react';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A yes/no question. Focus starts on Cancel for destructive actions, on the action otherwise. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  danger,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const bodyId = useId();
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      describedBy={bodyId}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel} data-autofocus={danger ? '' : undefined}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={danger ? 'button button--danger' : 'button button--primary'}
            onClick={onConfirm}
            data-autofocus={danger ? undefined : ''}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <div id={bodyId}>{children}</div>
    </Dialog>
  );
}
