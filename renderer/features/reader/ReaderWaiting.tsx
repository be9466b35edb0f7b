import { useRef } from 'react';
import { Icon } from '../../components/Icon';
import { useReaderKeys } from './use-reader-keys';

/** While the article loads, or when it cannot be opened: the way back still works, by button and by key. */
export function ReaderWaiting({ error, onBack }: { error: string | null; onBack: () => void }) {
  const scroller = useRef<HTMLElement>(null);
  useReaderKeys(scroller, { onBack, onHelp: () => undefined });
  return (
    <div className="reader reader--waiting">
      <header className="reader__toolbar">
        <button type="button" className="button button--quiet" onClick={onBack} aria-label="Back to library">
          <Icon name="back" />
          Library
        </button>
      </header>
      <main ref={scroller} className="reader__scroll">
        {error ? (
          <p className="reader__error" role="alert">
            {error}
          </p>
        ) : (
          <p className="reader__loading">Opening…</p>
        )}
      </main>
    </div>
  );
}
