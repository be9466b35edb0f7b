import { useId, useState } from 'react';
import type { RemovalReason } from '../../../main/model/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/message-of';
import { useReaderSession } from '../../reader-session/reader-session';

const REASON_LABELS: Record<RemovalReason, string> = {
  title: 'headline (shown above)',
  repeat: 'a copy of the title or standfirst',
  navigation: 'site navigation',
  label: 'section label',
  byline: 'byline (shown above)',
  dateline: 'date line (shown above)',
  share: 'share or subscribe line',
  related: 'related links',
  ad: 'advertisement',
  comments: 'comments',
  footer: 'page footer',
  page: 'page furniture',
};

/**
 * What reader mode set aside, one line under the header: "Show what was removed" lists each passage
 * with why, and "Keep this paragraph" puts it back where it stood (highlights after it move along).
 */
export function RemovedPassages() {
  const api = useApi();
  const { article: shown, undo, notify, replaceArticle, setAnnotations } = useReaderSession();
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const removed = shown.removed ?? [];
  if (removed.length === 0) return null;

  const keep = async (index: number) => {
    setBusy(index);
    try {
      const { article, annotations } = await api.keepRemovedText({ id: shown.id, index });
      // Offsets after the passage moved: an undo step recorded before would land elsewhere.
      undo.clear();
      replaceArticle(article);
      setAnnotations(() => annotations);
      notify('The paragraph is back in the article.');
    } catch (error) {
      notify(messageOf(error, 'That paragraph could not be put back.'), { level: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const count = removed.length === 1 ? 'one passage' : `${removed.length} passages`;
  return (
    <aside className="removed-passages" aria-label="What reader mode removed">
      <p className="removed-passages__summary">
        Reader mode set aside {count} of the page (navigation, ads, repeated lines).{' '}
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide what was removed' : 'Show what was removed'}
        </button>
      </p>
      {open && (
        <ol id={listId} className="removed-passages__list">
          {removed.map((passage, index) => (
            <li key={`${passage.at}:${index}`} className="removed-passages__item">
              <span className="removed-passages__reason">{REASON_LABELS[passage.reason]}</span>
              <span className="removed-passages__text">{passage.text}</span>
              <button
                type="button"
                className="button"
                disabled={busy !== null}
                aria-label={`Keep this paragraph: ${passage.text.slice(0, 60)}`}
                onClick={() => void keep(index)}
              >
                {busy === index ? 'Keeping…' : 'Keep this paragraph'}
              </button>
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
