import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/message-of';
import { useReaderSession } from '../../reader-session/reader-session';

/** "Copy highlights": the article's highlights as Markdown on the clipboard, to paste into notes. */
export function CopyHighlights() {
  const api = useApi();
  const { article, notify } = useReaderSession();
  const [busy, setBusy] = useState(false);

  const copy = async () => {
    setBusy(true);
    try {
      const { markdown, count } = await api.copyHighlights({ articleId: article.id });
      await navigator.clipboard.writeText(markdown);
      notify(`Copied ${count} ${count === 1 ? 'highlight' : 'highlights'} as Markdown.`);
    } catch (error) {
      notify(messageOf(error, 'The highlights could not be copied.'), { level: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" className="button button--quiet" disabled={busy} onClick={() => void copy()}>
      Copy highlights
    </button>
  );
}
