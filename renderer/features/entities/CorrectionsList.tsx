import { useEffect, useState } from 'react';
import type { StoredCorrection } from '../../../main/model/contract';
import { describeCorrection, type NameOf } from './describe-correction';
import { messageOf } from '../../api/message-of';
import { useApi } from '../../api/api-context';

interface Props {
  nameOf: NameOf;
  /** Bumped by the owner when the corrections may have changed. */
  refreshKey: number;
  /** After an undo: the library's entities change too. */
  onChanged: () => void;
}

/** The user's own gazetteer: every correction they made, newest first, each one undoable. */
export function CorrectionsList({ nameOf, refreshKey, onChanged }: Props) {
  const api = useApi();
  const [corrections, setCorrections] = useState<StoredCorrection[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.listCorrections({}).then(
      (list) => {
        if (!live) return;
        setCorrections(list);
        setLoadError(null);
      },
      (caught: unknown) => {
        if (!live) return;
        setCorrections([]);
        setLoadError(messageOf(caught, 'Your corrections could not be listed.'));
      },
    );
    return () => {
      live = false;
    };
  }, [api, refreshKey]);

  if (loadError) {
    return (
      <p className="entities__message" role="alert">
        {loadError}
      </p>
    );
  }
  if (!corrections || corrections.length === 0) return null;

  const undo = async (c: StoredCorrection) => {
    setProblem(null);
    try {
      await api.undoCorrection({ id: c.id });
      setCorrections((list) => list?.filter((x) => x.id !== c.id) ?? null);
      onChanged();
    } catch (caught) {
      setProblem(messageOf(caught, 'The correction could not be undone.'));
    }
  };

  return (
    <details className="corrections">
      <summary className="corrections__summary">Your corrections ({corrections.length})</summary>
      <p className="corrections__hint">They apply to every article, including those you import later.</p>
      <ul className="corrections__list">
        {[...corrections].reverse().map((c) => {
          const text = describeCorrection(c.correction, nameOf);
          return (
            <li key={c.id} className="corrections__item">
              <span>{text}</span>
              <time className="corrections__when" dateTime={c.created}>
                {new Date(c.created).toLocaleDateString()}
              </time>
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Undo: ${text}`}
                onClick={() => void undo(c)}
              >
                Undo
              </button>
            </li>
          );
        })}
      </ul>
      {problem && (
        <p className="entities__message" role="alert">
          {problem}
        </p>
      )}
    </details>
  );
}
