import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HighlightColor } from '../../../main/model/contract';
import { COLOR_NAMES, COLORS } from './annotation-filters';
import { placeNear, type Placement } from './position';

interface Props {
  scroller: HTMLElement;
  /** The selection's box, in viewport coordinates. */
  rect: DOMRect;
  lastColor: HighlightColor;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onCopy: () => void;
}

/**
 * The small toolbar next to a selection. Buttons keep the selection (no focus
 * steal on mouse down); arrows move between them as in any toolbar.
 */
export function SelectionToolbar({ scroller, rect, lastColor, onHighlight, onNote, onCopy }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Placement | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setPlace(placeNear(rect, scroller, { width: el.offsetWidth, height: el.offsetHeight }));
  }, [rect, scroller]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    event.stopPropagation();
    const next = (at + (event.key === 'ArrowRight' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
  };

  return (
    <div
      ref={ref}
      className={place?.above ? 'selection-toolbar selection-toolbar--above' : 'selection-toolbar'}
      role="toolbar"
      aria-label="Selection"
      style={place ? { top: place.top, left: place.left } : { visibility: 'hidden', top: 0, left: 0 }}
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={onKeyDown}
    >
      <button
        type="button"
        className="selection-toolbar__button"
        aria-keyshortcuts="h"
        title={`Highlight in ${COLOR_NAMES[lastColor].toLowerCase()} (h)`}
        onClick={() => onHighlight(lastColor)}
      >
        <span className={`swatch swatch--${lastColor}`} aria-hidden="true" />
        Highlight
      </button>
      <span className="selection-toolbar__colors">
        {COLORS.map((color, i) => (
          <button
            key={color}
            type="button"
            className="selection-toolbar__color"
            aria-label={COLOR_NAMES[color]}
            aria-keyshortcuts={String(i + 1)}
            title={`${COLOR_NAMES[color]} (${i + 1})`}
            onClick={() => onHighlight(color)}
          >
            <span className={`swatch swatch--${color}`} aria-hidden="true" />
          </button>
        ))}
      </span>
      <button
        type="button"
        className="selection-toolbar__button"
        aria-keyshortcuts="n"
        title="Highlight and add a note (n)"
        onClick={onNote}
      >
        Add note
      </button>
      <button type="button" className="selection-toolbar__button" title="Copy the selected text" onClick={onCopy}>
        Copy
      </button>
    </div>
  );
}
