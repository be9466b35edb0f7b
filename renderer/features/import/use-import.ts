import { useCallback, useRef, useState } from 'react';
import type { ArticleSummary, ImportOutcome } from '../../../main/model/contract';
import type { Notify } from '../../components/Toast';
import { tooLargeMessage, toIncomingFile } from './file-to-incoming';
import { messageOf } from '../../api/message-of';
import { useApi } from '../../api/api-context';

export interface ImportProgress {
  done: number;
  total: number;
  /** The file being read or sent right now. */
  name: string;
}

export interface ImportProblem {
  id: number;
  name: string;
  message: string;
  /** The file came in, but with something to check (a page with almost no readable text). */
  imported?: boolean;
}

export interface PendingDuplicate {
  name: string;
  existing: ArticleSummary;
  /** Present when we still hold the bytes (file input, drop): "Import anyway" is possible. */
  file?: File;
  /** Present for a paste: the pasted input, kept so "Import anyway" can send it again. */
  paste?: PasteInput;
}

export interface PasteInput {
  text?: string;
  html?: string;
}

interface Options {
  notify: Notify;
  onImported: (articles: ArticleSummary[]) => void;
}

function errorMessage(error: unknown): string {
  return messageOf(error, 'Something went wrong while importing.');
}

/**
 * One import pipeline for the file picker, drag and drop and paste. Files go
 * one call each so progress can be shown; batches that arrive while another
 * runs join the queue instead of racing it.
 */
export function useImport({ notify, onImported }: Options) {
  const api = useApi();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [duplicates, setDuplicates] = useState<PendingDuplicate[]>([]);
  const queue = useRef<File[]>([]);
  const running = useRef(false);
  const counts = useRef({ done: 0, total: 0 });
  const problemId = useRef(1);
  const stopped = useRef(false);
  /** The name of the batch being imported, which Stop asks main to stop (cancelImports). */
  // Until a batch of files has run, a Stop only ends what the importer is reading (a paste).
  const batch = useRef('none');

  const addProblem = useCallback((name: string, message: string, imported = false) => {
    setProblems((current) => [
      ...current,
      { id: problemId.current++, name, message, ...(imported ? { imported } : {}) },
    ]);
  }, []);

  /** Sorts outcomes into the list, the duplicate queue and the problem list. */
  const absorb = useCallback(
    (outcomes: ImportOutcome[], file?: File, paste?: PasteInput): ArticleSummary[] => {
      const imported: ArticleSummary[] = [];
      for (const outcome of outcomes) {
        if (outcome.status === 'imported') {
          imported.push(outcome.article);
          if (outcome.warning) addProblem(file?.name ?? outcome.article.title, outcome.warning, true);
        } else if (outcome.status === 'rejected' && outcome.error.code === 'cancelled') {
          // Stopped by the user: said once, for the batch (drain), not as a problem of each file.
        } else if (outcome.status === 'duplicate')
          setDuplicates((current) => [...current, { name: outcome.name, existing: outcome.existing, file, paste }]);
        else addProblem(outcome.name, outcome.error.message);
      }
      return imported;
    },
    [addProblem],
  );

  const announce = useCallback(
    (imported: ArticleSummary[], alreadyShown = false) => {
      if (imported.length === 0) return;
      if (!alreadyShown) onImported(imported);
      notify(imported.length === 1 ? `Imported “${imported[0]!.title}”.` : `Imported ${imported.length} articles.`);
    },
    [notify, onImported],
  );

  const sayStopped = useCallback(
    (imported: number) =>
      notify(
        imported === 0
          ? 'Import stopped; nothing was imported.'
          : `Import stopped after ${imported === 1 ? 'one article' : `${imported} articles`}.`,
      ),
    [notify],
  );

  const drain = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    batch.current = crypto.randomUUID();
    const imported: ArticleSummary[] = [];
    try {
      for (let file = queue.current.shift(); file; file = queue.current.shift()) {
        setProgress({ done: counts.current.done, total: counts.current.total, name: file.name });
        const tooLarge = tooLargeMessage(file);
        if (tooLarge) {
          addProblem(file.name, tooLarge);
          counts.current.done += 1;
          continue;
        }
        try {
          const incoming = await toIncomingFile(file);
          if (stopped.current) break; // stopped while the file was being read
          const outcomes = await api.importFiles({ files: [incoming], batch: batch.current });
          const added = absorb(outcomes, file);
          imported.push(...added);
          // Each article shows up as soon as it is in; the summary toast waits for the batch.
          if (added.length > 0) onImported(added);
        } catch (error) {
          addProblem(file.name, errorMessage(error));
        }
        counts.current.done += 1;
      }
    } finally {
      running.current = false;
      counts.current = { done: 0, total: 0 };
      setProgress(null);
      if (stopped.current) sayStopped(imported.length);
      else announce(imported, true);
      stopped.current = false;
    }
  }, [absorb, addProblem, announce, api, onImported, sayStopped]);

  /** Stops the import under way: the file being read is dropped, the files waiting are not sent. */
  const stop = useCallback(() => {
    stopped.current = true;
    counts.current.total -= queue.current.length;
    queue.current = [];
    // A cancel that fails leaves the file in flight to finish; it is then imported, and listed.
    api.cancelImports({ batch: batch.current }).catch(() => undefined);
  }, [api]);

  const importFiles = useCallback(
    (files: Iterable<File>) => {
      const list = [...files];
      if (list.length === 0) return;
      // A new batch starts with a clean slate; problems of a batch still running stay.
      if (!running.current) setProblems([]);
      queue.current.push(...list);
      counts.current.total += list.length;
      void drain();
    },
    [drain],
  );

  /** Electron: the native dialog, which imports in the main process. */
  const importWithDialog = useCallback(async () => {
    // No progress pill here: most of this call is the user browsing the native dialog.
    try {
      const outcomes = await api.importWithDialog({});
      announce(absorb(outcomes));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'cancelled') addProblem('Import', errorMessage(error));
    }
  }, [absorb, addProblem, announce, api]);

  /** Returns true when the paste was handled (imported, duplicate or rejected with a message). */
  const importPaste = useCallback(
    async (input: PasteInput): Promise<boolean> => {
      setProgress({ done: 0, total: 1, name: 'pasted text' });
      try {
        const outcome = await api.importPaste({ text: input.text, html: input.html });
        if (stopped.current) sayStopped(0);
        else announce(absorb([outcome], undefined, input));
        return true;
      } catch (error) {
        addProblem('Pasted text', errorMessage(error));
        return false;
      } finally {
        stopped.current = false;
        setProgress(null);
      }
    },
    [absorb, addProblem, announce, api, sayStopped],
  );

  /** "Import anyway" for the duplicate at the head of the queue. */
  const importDuplicateAnyway = useCallback(async () => {
    const head = duplicates[0];
    setDuplicates((current) => current.slice(1));
    if (!head?.file && !head?.paste) return;
    setProgress({ done: 0, total: 1, name: head.name });
    try {
      const outcomes = head.file
        ? await api.importFiles({ files: [await toIncomingFile(head.file)], allowDuplicate: true })
        : [await api.importPaste({ ...head.paste, allowDuplicate: true })];
      announce(absorb(outcomes, head.file, head.paste));
    } catch (error) {
      addProblem(head.name, errorMessage(error));
    } finally {
      setProgress(null);
    }
  }, [absorb, addProblem, announce, api, duplicates]);

  const skipDuplicate = useCallback(() => setDuplicates((current) => current.slice(1)), []);
  const dismissProblem = useCallback(
    (id: number) => setProblems((current) => current.filter((problem) => problem.id !== id)),
    [],
  );

  return {
    progress,
    problems,
    dismissProblem,
    duplicate: duplicates[0] ?? null,
    importDuplicateAnyway,
    skipDuplicate,
    importFiles,
    importWithDialog,
    importPaste,
    stop,
  };
}

export type Importer = ReturnType<typeof useImport>;
