import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useApi } from '../../api/api-context';
import { useReaderSession } from '../../reader-session/reader-session';
import { messageOf } from '../../api/message-of';

const SAVE_AFTER_MS = 600;

/**
 * The article-level note, shown at the top of the article body. The reader
 * shell renders us after the article, so we place our own slot before the
 * body's host element and portal into it.
 */
export function ArticleNote() {
  const api = useApi();
  const { article, root, notify } = useReaderSession();
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const [draft, setDraft] = useState(article.note);
  const fieldId = useId();
  const pending = useRef<{ timer?: number; note: string | null }>({ note: null });

  const host = root?.parentElement ?? null;
  useEffect(() => {
    if (!host?.parentElement) return;
    const el = document.createElement('div');
    el.className = 'article-note-slot';
    host.parentElement.insertBefore(el, host);
    setSlot(el);
    return () => {
      el.remove();
      setSlot(null);
    };
  }, [host]);

  const save = (note: string) => {
    pending.current.note = null;
    api
      .setArticleNote({ id: article.id, note })
      .catch((error: unknown) =>
        notify(messageOf(error, `The note on “${article.title}” could not be saved.`), { level: 'error' }),
      );
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  // Closing the article saves what was typed.
  useEffect(
    () => () => {
      window.clearTimeout(pending.current.timer);
      if (pending.current.note !== null) saveRef.current(pending.current.note);
    },
    [],
  );

  if (!slot) return null;
  return createPortal(
    <details className="article-note" open={article.note.trim() !== '' || undefined}>
      <summary className="article-note__summary">Article note</summary>
      <textarea
        id={fieldId}
        className="textarea article-note__input"
        aria-label="Article note"
        value={draft}
        rows={3}
        placeholder="Your thoughts on the whole article (Markdown)…"
        onChange={(event) => {
          const note = event.target.value;
          setDraft(note);
          pending.current.note = note;
          window.clearTimeout(pending.current.timer);
          pending.current.timer = window.setTimeout(() => save(note), SAVE_AFTER_MS);
        }}
        onBlur={() => {
          window.clearTimeout(pending.current.timer);
          if (pending.current.note !== null) save(pending.current.note);
        }}
      />
    </details>,
    slot,
  );
}
