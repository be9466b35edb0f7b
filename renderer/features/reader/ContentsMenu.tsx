import { useEffect, useId, useRef, useState } from 'react';
import { useReaderSession } from '../../reader-session/reader-session';

const HEADINGS = 'h1, h2, h3';

/** Two headings make a table of contents worth offering (a book's chapters, a report's sections). */
function headingCount(html: string): number {
  return html.match(/<h[1-3][\s>]/g)?.length ?? 0;
}

interface Entry {
  text: string;
  level: number;
  element: HTMLElement;
}

function entriesOf(root: HTMLElement | null): Entry[] {
  if (!root) return [];
  return Array.from(root.querySelectorAll<HTMLElement>(HEADINGS))
    .map((element) => ({ element, level: Number(element.tagName[1]), text: element.textContent?.trim() ?? '' }))
    .filter((entry) => entry.text !== '');
}

/** "Contents": the article's headings (an EPUB's chapters); choosing one scrolls the page to it. */
export function ContentsMenu() {
  const { article, root } = useReaderSession();
  const listId = useId();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const open = entries !== null;

  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Element | null;
      // The opening button toggles the list itself.
      if (ref.current?.contains(target) || target?.closest(`[aria-controls="${listId}"]`)) return;
      setEntries(null);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, listId]);

  if (headingCount(article.html) < 2) return null;

  const close = () => {
    document.querySelector<HTMLElement>(`[aria-controls="${listId}"]`)?.focus();
    setEntries(null);
  };
  const go = (entry: Entry) => {
    setEntries(null);
    entry.element.scrollIntoView({ block: 'start' });
  };

  return (
    <div className="reader__settings-anchor">
      <button
        type="button"
        className="button button--quiet"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setEntries(open ? null : entriesOf(root))}
      >
        Contents
      </button>
      {open && (
        <div
          ref={ref}
          id={listId}
          className="reading-settings contents-menu"
          role="dialog"
          aria-label="Contents"
          onKeyDown={(event) => {
            event.stopPropagation();
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        >
          <ol className="contents-menu__list">
            {entries.map((entry, index) => (
              <li key={index} className={`contents-menu__item contents-menu__item--h${entry.level}`}>
                <button type="button" className="contents-menu__link" onClick={() => go(entry)}>
                  {entry.text}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
