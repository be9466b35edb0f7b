import { useEffect, useId, useRef, type ReactNode } from 'react';
import { armStrayEscape, disarmStrayEscape } from './stray-escape';

export interface DialogProps {
  /** Becomes the dialog's accessible name; keep it stable, tests find dialogs by it. */
  title: string;
  /** Escape, the backdrop and every Cancel path come here. */
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom, right-aligned; the primary action last. */
  actions?: ReactNode;
  wide?: boolean;
  /** Extra description read after the title (id of an element inside `children`). */
  describedBy?: string;
}

/**
 * A modal dialog on the native <dialog> element: showModal gives us the top
 * layer, inert background and Escape for free. Focus goes to the element
 * marked `data-autofocus` (else the first control) and returns on close.
 */
export function Dialog({ title, onClose, children, actions, wide, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const preferred = dialog.querySelector<HTMLElement>('[data-autofocus]');
    preferred?.focus();
    let closedByEscape = false;
    const onCancel = (event: Event) => {
      // Let React decide: the dialog closes when its owner stops rendering it.
      event.preventDefault();
      closedByEscape = true;
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (returnTo?.isConnected) returnTo.focus();
      if (closedByEscape) disarmStrayEscape();
      else armStrayEscape();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onKeyDown={(event) => {
        // Keys typed in a dialog belong to it, never to the reader's shortcuts.
        event.stopPropagation();
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current) onClose();
      }}
    >
      <div className="dialog__inner">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <div className="dialog__body">{children}</div>
        {actions && <div className="dialog__actions">{actions}</div>}
      </div>
    </dialog>
  );
}
