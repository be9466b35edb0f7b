// "Export as vault" from the library: the articles as an Obsidian vault, with
// the export options remembered from the export dialog and wikilinks on (a
// vault's entity notes are what the links point at). Progress is polled while
// the export runs, so a long one says how far it has got.
import { useCallback, useState } from 'react';
import type { ArticleSummary, TaskProgress } from '../../../main/model/contract';
import type { Notify } from '../../components/Toast';
import { codeOf, messageOf } from '../../api/message-of';
import { useApi } from '../../api/api-context';
import { downloadFile } from '../export/download-file';
import { loadOptions } from '../export/export-options';

const POLL_MS = 250;

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function useVaultExport(notify: Notify) {
  const api = useApi();
  const [progress, setProgress] = useState<TaskProgress | null>(null);

  const exportVault = useCallback(
    async (articles: readonly ArticleSummary[]) => {
      setProgress({ done: 0, total: articles.length });
      const poll = window.setInterval(() => {
        api.getVaultExportProgress({}).then(
          (now) => now && setProgress(now),
          () => undefined, // a missed reading only delays the next figure
        );
      }, POLL_MS);
      try {
        const result = await api.exportVault({
          articleIds: articles.map((a) => a.id),
          options: { ...loadOptions(), wikilinks: true },
        });
        if (result.kind === 'zip') downloadFile(result.fileName, bytesOf(result.dataBase64), 'application/zip');
        notify(result.message);
      } catch (error) {
        // Closing the folder dialog is a choice, not a failure.
        if (codeOf(error) !== 'cancelled') {
          notify(messageOf(error, 'The vault could not be exported.'), { level: 'error' });
        }
      } finally {
        window.clearInterval(poll);
        setProgress(null);
      }
    },
    [api, notify],
  );

  return { exportVault, progress };
}
