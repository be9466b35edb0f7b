import { memo } from 'react';
import type { Annotation } from '../../../main/model/contract';
import { COLOR_NAMES, shortQuote } from './annotation-filters';
import { renderNote } from './note-markdown';

interface Props {
  annotation: Annotation;
  /** Absent for orphans: they have no place in the text to go to. */
  onReveal?: (annotation: Annotation) => void;
  onEdit?: (annotation: Annotation) => void;
  onDelete?: (annotation: Annotation) => void;
}

/**
 * One highlight in the sidebar: color, quote, note, tags. Memoised with stable
 * handlers, so a new highlight re-renders one item, not a thousand.
 */
export const AnnotationItem = memo(function AnnotationItem({ annotation, onReveal, onEdit, onDelete }: Props) {
  const { color, note, tags } = annotation.body;
  const quote = annotation.target.selector[1].exact;
  return (
    <li className={`annotation-item annotation-item--${color}`} data-annotation-id={annotation.id}>
      <span className="visually-hidden">{COLOR_NAMES[color]} highlight</span>
      {onReveal ? (
        <button
          type="button"
          className="annotation-item__quote"
          onClick={() => onReveal(annotation)}
          title="Show in the article"
        >
          {shortQuote(quote, 240)}
        </button>
      ) : (
        <blockquote className="annotation-item__quote annotation-item__quote--static">
          {shortQuote(quote, 240)}
        </blockquote>
      )}
      {annotation.status === 'moved' && <span className="annotation-item__status">moved</span>}
      {note.trim() && (
        <div className="annotation-item__note note-markdown" dangerouslySetInnerHTML={{ __html: renderNote(note) }} />
      )}
      {tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="tag">
              #{tag}
            </li>
          ))}
        </ul>
      )}
      {(onEdit || onDelete) && (
        <div className="annotation-item__actions">
          {onEdit && (
            <button
              type="button"
              className="button button--quiet annotation-item__action"
              onClick={() => onEdit(annotation)}
              aria-label={`Edit highlight: ${shortQuote(quote, 40)}`}
            >
              Edit
            </button>
          )}
          {onDelete && (
            <button
              type="button"
              className="button button--quiet annotation-item__action"
              onClick={() => onDelete(annotation)}
              aria-label={`Delete highlight: ${shortQuote(quote, 40)}`}
            >
              Delete
            </button>
          )}
        </div>
      )}
    </li>
  );
});
