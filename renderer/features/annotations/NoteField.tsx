import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { renderNote } from './note-markdown';

interface Props {
  /** The saved note; the field resets when `resetKey` changes. */
  value: string;
  resetKey: string;
  label: string;
  /** Called while typing (debounced) and once more on blur. */
  onSave: (note: string, final: boolean) => void;
}

const SAVE_AFTER_MS = 500;

/** A Markdown note with a Write/Preview switch, saved as you type. */
export function NoteField({ value, resetKey, label, onSave }: Props) {
  const [draft, setDraft] = useState(value);
  const [preview, setPreview] = useState(false);
  const fieldId = useId();
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef({ draft, onSave, dirty: false });
  latest.current.onSave = onSave;

  useEffect(() => {
    setDraft(value);
    latest.current.draft = value;
    latest.current.dirty = false;
    setPreview(false);
    // Only a different annotation resets the field; our own saves coming back must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetKey]);

  const flush = (final: boolean) => {
    window.clearTimeout(timer.current);
    if (!latest.current.dirty && !final) return;
    latest.current.dirty = false;
    latest.current.onSave(latest.current.draft, final);
  };

  // Leaving the popover (or switching highlight) saves what was typed.
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      latest.current.onSave(latest.current.draft, true);
    },
    [resetKey],
  );

  // An undo or a change from elsewhere: show it, unless the user is typing here.
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (latest.current.dirty || (field.current && document.activeElement === field.current)) return;
    setDraft(value);
    latest.current.draft = value;
  }, [value]);

  const html = useMemo(() => (preview ? renderNote(draft) : ''), [preview, draft]);

  return (
    <div className="note-field">
      <div className="note-field__head">
        <label htmlFor={fieldId} className="field__label">
          {label}
        </label>
        <span className="note-field__modes">
          <button
            type="button"
            className="button button--quiet note-field__mode"
            aria-pressed={!preview}
            onClick={() => setPreview(false)}
          >
            Write
          </button>
          <button
            type="button"
            className="button button--quiet note-field__mode"
            aria-pressed={preview}
            onClick={() => {
              flush(false);
              setPreview(true);
            }}
          >
            Preview
          </button>
        </span>
      </div>
      {preview ? (
        <div className="note-field__preview note-markdown" aria-label={`${label} preview`} role="region">
          {draft.trim() ? (
            <div dangerouslySetInnerHTML={{ __html: html }} />
          ) : (
            <p className="note-field__empty">No note yet.</p>
          )}
        </div>
      ) : (
        <textarea
          ref={field}
          id={fieldId}
          className="textarea note-field__input"
          value={draft}
          rows={4}
          placeholder="Write a note (Markdown)…"
          onChange={(event) => {
            const next = event.target.value;
            setDraft(next);
            latest.current.draft = next;
            latest.current.dirty = true;
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => flush(false), SAVE_AFTER_MS);
          }}
          onBlur={() => flush(true)}
        />
      )}
    </div>
  );
}
