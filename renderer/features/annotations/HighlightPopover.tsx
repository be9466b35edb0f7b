import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation, HighlightColor } from '../../../main/model/contract';
import type { Notify } from '../../components/Toast';
import { COLOR_NAMES, COLORS, shortQuote } from './annotation-filters';
import { NoteField } from './NoteField';
import { NoteLinks } from './NoteLinks';
import { placeNear, type Placement } from './position';
import { TagEditor } from './TagEditor';
import type { AnnotationActions } from '../../reader-session/annotation-actions';

interface Props {
  notify: Notify;
  scroller: HTMLElement;
  rect: DOMRect;
  /** Every highlight under the click, innermost first; the user may pick any. */
  choices: Annotation[];
  active: Annotation;
  knownTags: readonly string[];
  focusNote: boolean;
  actions: AnnotationActions;
  onPick: (id: string) => void;
  onClose: () => void;
}

/** The open highlight: color, note, tags, delete. Non-modal; Escape or a click elsewhere closes it. */
export function HighlightPopover({
  notify,
  scroller,
  rect,
  choices,
  active,
  knownTags,
  focusNote,
  actions,
  onPick,
  onClose,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Placement | null>(null);
  const noteAtOpen = useRef({ id: active.id, note: active.body.note });
  if (actions.currentId(noteAtOpen.current.id) !== actions.currentId(active.id)) {
    noteAtOpen.current = { id: active.id, note: active.body.note };
  }
  const stableKey = actions.currentId(active.id);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setPlace(placeNear(rect, scroller, { width: el.offsetWidth, height: el.offsetHeight }));
  }, [rect, scroller, choices.length]);

  // Focus goes back where it came from (the sidebar's Edit button, the text) on close.
  useEffect(() => {
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const popover = ref.current;
    return () => {
      const lost =
        !document.activeElement ||
        document.activeElement === document.body ||
        popover?.contains(document.activeElement);
      if (lost && returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, []);

  // Focus moves in once per opened highlight, after placing (a hidden element cannot take focus).
  const placed = place !== null;
  useEffect(() => {
    if (!placed) return;
    const target = focusNote
      ? ref.current?.querySelector<HTMLElement>('textarea')
      : ref.current?.querySelector<HTMLElement>('button[aria-pressed="true"]');
    target?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stableKey, placed]);

  const setColor = (color: HighlightColor) => {
    if (color !== active.body.color) void actions.update(active.id, { color });
  };

  return (
    <div
      ref={ref}
      className="highlight-popover"
      role="dialog"
      aria-label="Highlight"
      style={place ? { top: place.top, left: place.left } : { visibility: 'hidden', top: 0, left: 0 }}
    >
      {choices.length > 1 && (
        <div className="highlight-popover__choices" role="group" aria-label="Highlights here">
          <p className="highlight-popover__hint">{choices.length} highlights overlap here:</p>
          {choices.map((choice) => (
            <button
              key={choice.id}
              type="button"
              className="highlight-popover__choice"
              aria-pressed={choice.id === active.id}
              onClick={() => onPick(choice.id)}
            >
              <span className={`swatch swatch--${choice.body.color}`} aria-hidden="true" />
              {shortQuote(choice.target.selector[1].exact, 60)}
            </button>
          ))}
        </div>
      )}
      <blockquote className="highlight-popover__quote">{shortQuote(active.target.selector[1].exact, 160)}</blockquote>
      <div className="highlight-popover__colors" role="group" aria-label="Color">
        {COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className="selection-toolbar__color"
            aria-label={COLOR_NAMES[color]}
            aria-pressed={color === active.body.color}
            onClick={() => setColor(color)}
          >
            <span className={`swatch swatch--${color}`} aria-hidden="true" />
          </button>
        ))}
      </div>
      <NoteLinks notify={notify}>
        <NoteField
          label="Note"
          value={active.body.note}
          resetKey={stableKey}
          onSave={(note, final) => {
            const start = noteAtOpen.current;
            if (!final) {
              void actions.update(active.id, { note }, { record: false });
            } else if (note !== start.note) {
              // One undo step for a whole editing session, however many saves it took.
              void actions.update(active.id, { note }, { before: { note: start.note } });
              noteAtOpen.current = { id: active.id, note };
            }
          }}
        />
      </NoteLinks>
      <TagEditor
        tags={active.body.tags}
        known={knownTags}
        onChange={(tags) => void actions.update(active.id, { tags })}
      />
      <div className="highlight-popover__actions">
        <button
          type="button"
          className="button button--danger"
          onClick={() => void actions.remove(active.id).then(onClose)}
        >
          Delete highlight
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
