import { memo, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Entity } from '../../../main/model/contract';
import { mentionLabel, timelineWhen } from './entity-groups';
import { sentenceAt } from './sentence-at';

interface Props {
  entity: Entity;
  text: string;
  selected: boolean;
  /** Pointer over it or keyboard focus on it: figures and dates show their sentence. */
  hovered: boolean;
  /** Timeline view: the resolved date leads the row. */
  showResolved?: boolean;
  onToggle: (entity: Entity) => void;
  onHover: (entity: Entity | null) => void;
  children?: ReactNode;
}

/** Figures and dates are only clear in context: their hover text is the sentence they come from. */
export function hoverText(entity: Entity, text: string): string | undefined {
  if (entity.type !== 'date' && entity.type !== 'figure') return undefined;
  const first = entity.mentions[0];
  if (!first) return undefined;
  const sentence = sentenceAt(text, first.start, first.end);
  return entity.type === 'date' && entity.resolved ? `${entity.resolved} — ${sentence}` : sentence;
}

/** Memoised: an article can list hundreds of entities, and hovering one must not re-render the rest. */
export const EntityRow = memo(function EntityRow({
  entity,
  text,
  selected,
  hovered,
  showResolved,
  onToggle,
  onHover,
  children,
}: Props) {
  const aliasesId = useId();
  const tipId = useId();
  const count = entity.mentions.length;
  // Selected rows show the sentence in their details already.
  const tip = hovered && !selected ? hoverText(entity, text) : undefined;
  const tipRef = useRef<HTMLDivElement>(null);
  const [above, setAbove] = useState(false);
  // Near the bottom of the sidebar the sentence opens upwards instead of being cut off.
  useLayoutEffect(() => {
    const el = tipRef.current;
    if (!el) {
      setAbove(false);
      return;
    }
    const frame = el.closest('.tabs__panel') ?? document.documentElement;
    const limit = Math.min(frame.getBoundingClientRect().bottom, window.innerHeight);
    if (el.getBoundingClientRect().bottom > limit) setAbove(true);
  }, [tip]);
  const describedBy = [entity.aliases.length > 0 ? aliasesId : '', tip ? tipId : ''].filter(Boolean).join(' ');
  return (
    <li className={selected ? 'entity entity--selected' : 'entity'}>
      <button
        type="button"
        className="entity__button"
        aria-pressed={selected}
        aria-label={`${entity.name}, ${mentionLabel(count)}`}
        aria-describedby={describedBy || undefined}
        onClick={() => onToggle(entity)}
        onMouseEnter={() => onHover(entity)}
        onMouseLeave={() => onHover(null)}
        onFocus={() => onHover(entity)}
        onBlur={() => onHover(null)}
      >
        {showResolved && <span className="entity__when">{timelineWhen(entity)}</span>}
        <span className="entity__name">{entity.name}</span>
        <span className="entity__count" aria-hidden="true">
          {count}
        </span>
        {entity.aliases.length > 0 && (
          <span id={aliasesId} className="entity__aliases">
            also {entity.aliases.join(', ')}
          </span>
        )}
      </button>
      {tip && (
        <div
          id={tipId}
          ref={tipRef}
          role="tooltip"
          className={above ? 'entity__tip entity__tip--above' : 'entity__tip'}
        >
          {tip}
        </div>
      )}
      {children}
    </li>
  );
});
