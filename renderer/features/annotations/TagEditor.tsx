import { useId, useState } from 'react';
import { addTag, sameTag, suggestTags } from './annotation-filters';

interface Props {
  tags: readonly string[];
  /** Every tag used in the library, for completion. */
  known: readonly string[];
  onChange: (tags: string[]) => void;
  /** What the chips are tags of, for screen readers. */
  listLabel?: string;
}

/** Tags as removable chips plus a field with completion from the library's tags. */
export function TagEditor({ tags, known, onChange, listLabel = 'Tags on this highlight' }: Props) {
  const [typed, setTyped] = useState('');
  const listId = useId();
  const inputId = useId();
  const suggestions = suggestTags(known, typed, tags);

  const commit = (raw: string) => {
    const next = addTag(tags, raw);
    setTyped('');
    if (next.length !== tags.length) onChange(next);
  };

  return (
    <div className="tag-editor">
      <label htmlFor={inputId} className="field__label">
        Tags
      </label>
      {tags.length > 0 && (
        <ul className="tag-list" aria-label={listLabel}>
          {tags.map((tag) => (
            <li key={tag} className="tag">
              <span>#{tag}</span>
              <button
                type="button"
                className="tag__remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onChange(tags.filter((t) => !sameTag(t, tag)))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        className="input tag-editor__input"
        list={listId}
        value={typed}
        placeholder="Add tag…"
        aria-label="Add tag"
        autoComplete="off"
        onChange={(event) => {
          const value = event.target.value;
          // A comma ends a tag, as in most tag fields.
          if (value.includes(',')) {
            for (const part of value.split(',').slice(0, -1)) commit(part);
            setTyped(value.split(',').at(-1) ?? '');
          } else setTyped(value);
        }}
        // A tag typed but not yet entered is kept when the field is left (a click on Save, say).
        onBlur={() => {
          if (typed.trim()) commit(typed);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit(typed);
          } else if (event.key === 'Backspace' && typed === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
      />
      <datalist id={listId}>
        {suggestions.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </div>
  );
}
