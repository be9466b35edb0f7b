import { useEffect, useId, useRef, useState } from 'react';
import type { GlossApi } from '../../../main/model/contract';
import { Dialog } from '../../components/Dialog';
import { useApi } from '../../api/api-context';
import { useReaderSession } from '../../reader-session/reader-session';
import { downloadFile } from './download-file';
import { loadOptions, saveOptions, type ChosenOptions } from './export-options';
import { codeOf, messageOf } from '../../api/message-of';

interface Props {
  onClose: () => void;
}

/** Asks once whether this transport saves through a native dialog (Electron) or downloads (browser mode). */
function useNativeDialogs(api: GlossApi): boolean | null {
  const [native, setNative] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    api.getAppInfo({}).then(
      (info) => {
        if (live) setNative(info.nativeDialogs);
      },
      () => {
        if (live) setNative(false);
      },
    );
    return () => {
      live = false;
    };
  }, [api]);
  return native;
}

/** "Export Markdown": choose what goes in, then save (Electron) or download (browser mode). */
export function ExportDialog({ onClose }: Props) {
  const api = useApi();
  const { article, notify, setAnnotations, replaceArticle } = useReaderSession();
  const [options, setOptions] = useState<ChosenOptions>(() => loadOptions());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const native = useNativeDialogs(api);
  const formId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const earlierInput = useRef<HTMLInputElement>(null);

  const set = (patch: Partial<ChosenOptions>) => {
    setOptions((current) => {
      const next = { ...current, ...patch };
      saveOptions(next);
      return next;
    });
  };

  /** The export may have taken the user's edits into the library: the reader shows them. */
  const refresh = async () => {
    const [fresh, annotations] = await Promise.all([
      api.getArticle({ id: article.id }),
      api.listAnnotations({ articleId: article.id }),
    ]);
    setAnnotations(() => annotations);
    replaceArticle(fresh);
  };

  const exportMarkdown = async (earlier?: File) => {
    setBusy(true);
    setProblem(null);
    try {
      if (native && !earlier) {
        const { message } = await api.saveExportWithDialog({ articleId: article.id, options });
        await refresh();
        notify(message);
      } else {
        const existing = earlier ? await earlier.text() : undefined;
        const file = await api.exportMarkdown({ articleId: article.id, options, ...(existing ? { existing } : {}) });
        downloadFile(file.fileName, file.markdown, 'text/markdown;charset=utf-8');
        if (earlier) await refresh();
        notify(file.message ?? `Exported “${article.title}” as ${file.fileName}.`);
      }
      onClose();
    } catch (caught) {
      if (codeOf(caught) === 'cancelled') {
        setBusy(false);
        return;
      }
      setProblem(messageOf(caught, `“${article.title}” could not be exported.`));
      setBusy(false);
    }
  };

  const exportJsonLd = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const file = await api.exportAnnotationsJsonLd({ articleId: article.id });
      downloadFile(file.fileName, file.markdown, 'application/ld+json;charset=utf-8');
      notify(`Exported the annotations of “${article.title}” as ${file.fileName}.`);
      onClose();
    } catch (caught) {
      setProblem(messageOf(caught, `The annotations of “${article.title}” could not be exported.`));
      setBusy(false);
    }
  };

  const importJsonLd = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const { added, message } = await api.importAnnotationsJsonLd({ articleId: article.id, json: await file.text() });
      const ids = new Set(added.map((a) => a.id));
      setAnnotations((current) => [...current.filter((a) => !ids.has(a.id)), ...added]);
      notify(message);
      onClose();
    } catch (caught) {
      setProblem(messageOf(caught, `The annotations in ${file.name} could not be imported.`));
      setBusy(false);
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const highlightsOnly = options.mode === 'highlights';

  return (
    <Dialog
      title="Export Markdown"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            disabled={busy || native === null}
            data-autofocus=""
          >
            {native ? 'Export…' : 'Export'}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="export-form"
        onSubmit={(event) => {
          event.preventDefault();
          void exportMarkdown();
        }}
      >
        <fieldset className="export-form__group">
          <legend className="export-form__legend">Content</legend>
          <div className="segmented">
            <label className="segmented__option">
              <input
                type="radio"
                name="gloss-export-mode"
                checked={!highlightsOnly}
                onChange={() => set({ mode: 'full' })}
              />
              <span>Full article</span>
            </label>
            <label className="segmented__option">
              <input
                type="radio"
                name="gloss-export-mode"
                checked={highlightsOnly}
                onChange={() => set({ mode: 'highlights' })}
              />
              <span>Highlights only</span>
            </label>
          </div>
        </fieldset>

        <fieldset className="export-form__group" disabled={!highlightsOnly}>
          <legend className="export-form__legend">Order highlights by</legend>
          <div className="segmented">
            <label className="segmented__option">
              <input
                type="radio"
                name="gloss-export-group"
                checked={options.groupBy === 'position'}
                onChange={() => set({ groupBy: 'position' })}
              />
              <span>Position</span>
            </label>
            <label className="segmented__option">
              <input
                type="radio"
                name="gloss-export-group"
                checked={options.groupBy === 'color'}
                onChange={() => set({ groupBy: 'color' })}
              />
              <span>Color</span>
            </label>
          </div>
        </fieldset>

        <label className="export-form__check">
          <input type="checkbox" checked={options.entities} onChange={(e) => set({ entities: e.target.checked })} />
          Include entities
        </label>
        <label className="export-form__check">
          <input
            type="checkbox"
            checked={options.wikilinks}
            disabled={!options.entities}
            onChange={(e) => set({ wikilinks: e.target.checked })}
          />
          Entities as [[wikilinks]]
        </label>

        <p className="export-form__hint">
          {native
            ? 'You choose where to save. Exporting over an earlier export first takes in what you changed in it.'
            : 'The file is downloaded by your browser. To keep what you changed in an earlier export, update it instead.'}
        </p>

        <div className="export-form__annotations" role="group" aria-label="Earlier export">
          <button
            type="button"
            className="button button--quiet"
            disabled={busy || native === null}
            onClick={() => earlierInput.current?.click()}
          >
            Update an earlier export…
          </button>
          <input
            ref={earlierInput}
            type="file"
            accept=".md,.markdown,text/markdown"
            hidden
            aria-label="Earlier export (Markdown)"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void exportMarkdown(file);
            }}
          />
        </div>

        <div className="export-form__annotations" role="group" aria-label="Annotations as JSON-LD">
          <button type="button" className="button button--quiet" disabled={busy} onClick={() => void exportJsonLd()}>
            Export annotations (JSON-LD)
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => fileInput.current?.click()}
          >
            Import annotations (JSON-LD)…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".jsonld,.json,application/ld+json,application/json"
            hidden
            aria-label="Annotations file (JSON-LD)"
            onChange={(e) => void importJsonLd(e.target.files?.[0])}
          />
        </div>

        {problem && (
          <p className="export-form__problem" role="alert">
            {problem}
          </p>
        )}
      </form>
    </Dialog>
  );
}
