import { useRef, useState } from 'react';
import { IMPORT_ACCEPT, toIncomingFile } from '../import/file-to-incoming';
import { useApi } from '../../api/api-context';
import { useReaderSession } from '../../reader-session/reader-session';
import { describeReanchor, reanchorReport } from './annotation-filters';
import { messageOf } from '../../api/message-of';

/** "Update from file…": re-imports a newer version of the article and re-anchors its highlights. */
export function UpdateFromFile() {
  const api = useApi();
  const { article: shown, undo, notify, replaceArticle, setAnnotations } = useReaderSession();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState('');

  const onFile = async (file: File) => {
    setBusy(true);
    setReport('');
    try {
      const incoming = await toIncomingFile(file);
      const { article, annotations } = await api.updateFromFile({ id: shown.id, file: incoming });
      // Offsets changed under every step in the history: undoing one now would land elsewhere.
      undo.clear();
      replaceArticle(article);
      setAnnotations(() => annotations);
      const message = describeReanchor(reanchorReport(annotations));
      setReport(message);
      notify(message);
    } catch (error) {
      notify(messageOf(error, `“${shown.title}” could not be updated from ${file.name}.`), {
        level: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="update-from-file">
      <button type="button" className="button" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? 'Updating…' : 'Update from file…'}
      </button>
      <input
        ref={input}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        aria-label="Newer version of the article"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void onFile(file);
        }}
      />
      {report && <p className="update-from-file__report">{report}</p>}
    </div>
  );
}
