import { useCallback, useEffect, useRef, useState } from 'react';
import { Message } from './Message';

export interface ToastOptions {
  /** When given, the toast shows an Undo button that calls it once. */
  undo?: () => void;
  level?: 'info' | 'error';
}

export interface ToastItem extends ToastOptions {
  id: number;
  message: string;
}

export type Notify = (message: string, options?: ToastOptions) => void;

const PLAIN_MS = 5000;
const UNDO_MS = 10000;

/**
 * Toast state for one region. The owner renders <ToastRegion> once and hands
 * `notify` to whoever needs it; there is no global store.
 */
export function useToasts() {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, number>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) window.clearTimeout(timer);
    timers.current.delete(id);
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);

  const notify = useCallback<Notify>(
    (message, options = {}) => {
      const id = nextId.current++;
      // At most three at once: the oldest makes way.
      setToasts((current) => [...current.slice(-2), { id, message, ...options }]);
      const ms = options.undo ? UNDO_MS : options.level === 'error' ? UNDO_MS : PLAIN_MS;
      timers.current.set(
        id,
        window.setTimeout(() => dismiss(id), ms),
      );
    },
    [dismiss],
  );

  /** Leaving a screen: what was said there (and its Undo) stays behind; errors stay until read. */
  // (Their timers still run out and find nothing to remove.)
  const dismissTransient = useCallback(() => {
    setToasts((current) => {
      const kept = current.filter((toast) => toast.level === 'error');
      return kept.length === current.length ? current : kept;
    });
  }, []);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer);
    };
  }, []);

  return { toasts, notify, dismiss, dismissTransient };
}

/** The live region: always in the DOM so screen readers hear what appears in it. */
export function ToastRegion({ toasts, dismiss }: { toasts: ToastItem[]; dismiss: (id: number) => void }) {
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((toast) => (
        <div key={toast.id} className={toast.level === 'error' ? 'toast toast--error' : 'toast'}>
          <span className="toast__message">
            <Message text={toast.message} />
          </span>
          {toast.undo && (
            <button
              type="button"
              className="toast__action"
              onClick={() => {
                dismiss(toast.id);
                toast.undo?.();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" className="toast__close" aria-label="Close message" onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
