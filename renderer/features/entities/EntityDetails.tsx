import type { Entity } from '../../../main/model/contract';
import { sentenceAt } from './sentence-at';

interface Props {
  entity: Entity;
  text: string;
  /** Index of the current mention. */
  current: number;
  onGo: (index: number) => void;
  onAction: (kind: 'rename' | 'retype' | 'merge' | 'split' | 'hide') => void;
}

/** Under the selected entity: walk through its mentions, and correct it. */
export function EntityDetails({ entity, text, current, onGo, onAction }: Props) {
  const total = entity.mentions.length;
  const mention = entity.mentions[current];
  const showSentence = (entity.type === 'date' || entity.type === 'figure') && mention;
  return (
    <div className="entity__details">
      <div className="entity__nav" role="group" aria-label={`Mentions of ${entity.name}`}>
        <button
          type="button"
          className="button button--quiet entity__step"
          aria-label="Previous mention"
          title="Previous mention"
          disabled={total < 2}
          onClick={() => onGo((current - 1 + total) % total)}
        >
          ‹
        </button>
        <span className="entity__position" role="status" aria-live="polite">
          {total === 0 ? '0 of 0' : `${current + 1} of ${total}`}
        </span>
        <button
          type="button"
          className="button button--quiet entity__step"
          aria-label="Next mention"
          title="Next mention"
          disabled={total < 2}
          onClick={() => onGo((current + 1) % total)}
        >
          ›
        </button>
      </div>
      {showSentence && (
        <blockquote className="entity__sentence">{sentenceAt(text, mention.start, mention.end)}</blockquote>
      )}
      {entity.type === 'date' && entity.resolved && (
        <p className="entity__resolved">
          {/* A period ("2023-05/2024-05") is no valid datetime: the element carries its start. */}
          Resolved to <time dateTime={entity.resolved.split('/')[0]}>{entity.resolved.replace('/', ' to ')}</time>
        </p>
      )}
      <div className="entity__actions" role="group" aria-label={`Correct ${entity.name}`}>
        <button type="button" className="button button--quiet" onClick={() => onAction('rename')}>
          Rename
        </button>
        <button type="button" className="button button--quiet" onClick={() => onAction('retype')}>
          Change type
        </button>
        <button type="button" className="button button--quiet" onClick={() => onAction('merge')}>
          Merge into…
        </button>
        {entity.aliases.length > 0 && (
          <button type="button" className="button button--quiet" onClick={() => onAction('split')}>
            Split alias
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={() => onAction('hide')}>
          Hide
        </button>
      </div>
    </div>
  );
}
