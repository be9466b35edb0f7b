import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { AppInfo, ArticleSummary, Notice, ReaderSettings } from '../main/model/contract';
import { ApiProvider, useApi } from './api/api-context';
import { createApiClient } from './api/client';
import { pickTransport } from './api/transports';
import { Message } from './components/Message';
import { ToastRegion, useToasts } from './components/Toast';
import { HelpDialog } from './features/help/HelpDialog';
import { DropOverlay } from './features/import/DropOverlay';
import { ImportStatus } from './features/import/ImportStatus';
import { useFileDrop } from './features/import/use-file-drop';
import { useImport } from './features/import/use-import';
import { LibraryView } from './features/library/LibraryView';
import { ReaderView } from './features/reader/ReaderView';
import { messageOf } from './api/message-of';
import { applyAppearance } from './settings/appearance';
import { SettingsProvider } from './settings/settings-context';

/** `focus`: the article the library puts the keyboard on (the one just read, or just imported). */
/** How often the app asks the library for news (a local call; nothing leaves the machine). */
const NOTICE_POLL_MS = 2000;

type View = { kind: 'library'; focus?: string } | { kind: 'reader'; id: string; at?: number; end?: number };

/**
 * The open article lives in the URL (?article=ID) so a reload in browser mode
 * reopens it. A jump target (`at`, `end`) is not kept: a reload returns to the saved position.
 */
function viewFromLocation(): View {
  const id = new URLSearchParams(window.location.search).get('article');
  return id ? { kind: 'reader', id } : { kind: 'library' };
}

function urlFor(view: View): string {
  if (view.kind === 'library') return window.location.pathname;
  return `${window.location.pathname}?${new URLSearchParams({ article: view.id })}`;
}

interface Boot {
  settings: ReaderSettings;
  info: AppInfo;
}

export function App() {
  const api = useMemo(() => createApiClient(pickTransport()), []);
  return (
    <ApiProvider api={api}>
      <AppShell />
    </ApiProvider>
  );
}

function AppShell() {
  const api = useApi();
  const [boot, setBoot] = useState<Boot | null>(null);
  const [bootError, setBootError] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [view, setView] = useState<View>(viewFromLocation);
  const [refreshKey, setRefreshKey] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const { toasts, notify, dismiss, dismissTransient } = useToasts();

  const pullNotices = useCallback(() => {
    api.takeNotices({}).then(
      (fresh) => {
        if (fresh.length > 0) setNotices((current) => [...current, ...fresh]);
      },
      () => undefined,
    );
  }, [api]);

  useEffect(() => {
    Promise.all([api.getSettings({}), api.getAppInfo({})]).then(
      ([settings, info]) => {
        applyAppearance(settings);
        setBoot({ settings, info });
      },
      (error: unknown) => setBootError(messageOf(error, 'Gloss could not start.')),
    );
    pullNotices();
  }, [api, pullNotices]);

  // What the library finds while the user reads (a file rebuilt or moved aside, the folder
  // deleted under it) is said where the user is, not only on the way back to the library.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') pullNotices();
    }, NOTICE_POLL_MS);
    return () => window.clearInterval(timer);
  }, [pullNotices]);

  useEffect(() => {
    const onPop = () =>
      setView((current) => {
        const next = viewFromLocation();
        return next.kind === 'library' && current.kind === 'reader' ? { kind: 'library', focus: current.id } : next;
      });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // A toast belongs to the screen it was said on: "Deleted … Undo" must not follow into the next article.
  const screen = view.kind === 'reader' ? `reader:${view.id}` : 'library';
  useLayoutEffect(() => dismissTransient(), [screen, dismissTransient]);

  const navigate = useCallback((next: View) => {
    history.pushState(null, '', urlFor(next));
    setView(next);
  }, []);

  const openArticle = useCallback(
    (id: string, at?: number, end?: number) => navigate({ kind: 'reader', id, at, end }),
    [navigate],
  );

  const backToLibrary = useCallback(
    (fromId: string) => {
      navigate({ kind: 'library', focus: fromId });
      pullNotices();
    },
    [navigate, pullNotices],
  );

  const onImported = useCallback(
    (articles: ArticleSummary[]) => {
      setRefreshKey((key) => key + 1);
      const last = articles.at(-1);
      if (last) setView((current) => (current.kind === 'library' ? { kind: 'library', focus: last.id } : current));
      pullNotices();
    },
    [pullNotices],
  );
  const importer = useImport({ notify, onImported });
  const dragging = useFileDrop(importer.importFiles, boot !== null);

  const showHelp = useCallback(() => setHelpOpen(true), []);

  if (bootError) {
    return (
      <div className="fatal" role="alert">
        <h1>Gloss could not open your library</h1>
        <p>{bootError}</p>
      </div>
    );
  }
  if (!boot) {
    return (
      <div className="app">
        <p className="app__loading">Opening Gloss…</p>
      </div>
    );
  }

  return (
    <div className="app">
      {boot.info.readOnly && (
        <p className="notice notice--error app-banner" role="alert">
          Gloss cannot write to your library folder ({boot.info.libraryDir}). Your changes are kept only until you close
          the app.
        </p>
      )}
      <ul className="app-notices" role="alert" aria-label="Notices">
        {notices.map((notice) => (
          <li key={notice.id} className={`notice notice--${notice.level}`}>
            <p className="notice__text">
              <Message text={notice.message} />
            </p>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setNotices((current) => current.filter((item) => item.id !== notice.id))}
            >
              Dismiss
            </button>
          </li>
        ))}
      </ul>
      <ImportStatus importer={importer} openArticle={openArticle} />
      <SettingsProvider initial={boot.settings} notify={notify}>
        <div className="app__view">
          {view.kind === 'library' ? (
            <LibraryView
              nativeDialogs={boot.info.nativeDialogs}
              importer={importer}
              refreshKey={refreshKey}
              openArticle={openArticle}
              focusArticle={view.focus}
              notify={notify}
              onShowHelp={showHelp}
            />
          ) : (
            <ReaderView
              key={view.id}
              articleId={view.id}
              at={view.at}
              end={view.end}
              onBack={() => backToLibrary(view.id)}
              notify={notify}
            />
          )}
        </div>
      </SettingsProvider>
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
      <DropOverlay visible={dragging} />
      <ToastRegion toasts={toasts} dismiss={dismiss} />
    </div>
  );
}
