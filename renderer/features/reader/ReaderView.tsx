import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Annotation, Article, ArticleSummary, ReaderSettings } from '../../../main/model/contract';
import { Icon } from '../../components/Icon';
import type { Notify } from '../../components/Toast';
import { endSession } from '../annotations/annotation-session';
import { ReaderOverlays } from '../annotations/ReaderOverlays';
import { ExportButton } from '../export/ExportButton';
import { HelpDialog } from '../help/HelpDialog';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { EditDetailsDialog } from './EditDetailsDialog';
import { RemovedPassages } from './RemovedPassages';
import { LinkDialog } from './LinkDialog';
import { readPref, writePref } from './local-prefs';
import { classifyLink } from './open-link';
import type { ReaderContext } from './reader-context';
import { ReaderSidebar } from './ReaderSidebar';
import { ReadingSettings } from './ReadingSettings';
import { firstVisibleOffset, scrollProgress, scrollToOffset } from './reading-position';
import { revealRange } from './reveal-range';
import { useReaderKeys } from './use-reader-keys';
import { useReadingPosition } from './use-reading-position';
import { messageOf } from '../../api/message-of';
import { isolate } from '../../text/bidi';
import { openExternalLink } from '../../api/platform';
import { useApi } from '../../api/api-context';

interface Props {
  articleId: string;
  /** Open at this canonical offset instead of the saved position. */
  at?: number;
  /** With `at`: the end of the range to flash (a whole mention or highlight). */
  end?: number;
  settings: ReaderSettings;
  onSettingsChange: (patch: Partial<ReaderSettings>) => void;
  onBack: () => void;
  notify: Notify;
}

/** Loads the article (and its annotations), then hands over to the reading screen. */
export function ReaderView(props: Props) {
  const { articleId, onBack, notify } = props;
  const api = useApi();
  const [loaded, setLoaded] = useState<{ article: Article; annotations: Annotation[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The undo history holds the article's text and DOM: it lives while the article is open, no longer.
  useEffect(() => () => endSession(articleId), [articleId]);

  useEffect(() => {
    let live = true;
    performance.mark('gloss:article-request');
    Promise.all([
      api.getArticle({ id: articleId }),
      // A reader without highlights is still a reader, but the user must know theirs are not lost.
      api.listAnnotations({ articleId }).catch((caught: unknown) => {
        notify(messageOf(caught, 'The highlights of this article could not be loaded.'), { level: 'error' });
        return [] as Annotation[];
      }),
    ]).then(
      ([article, annotations]) => {
        if (live) setLoaded({ article, annotations });
      },
      (caught: unknown) => {
        if (live) setError(messageOf(caught, 'This article could not be opened.'));
      },
    );
    return () => {
      live = false;
    };
  }, [api, articleId, notify]);

  if (error || !loaded) return <ReaderWaiting error={error} onBack={onBack} />;
  return <ReadingScreen key={loaded.article.id} {...props} initial={loaded} />;
}

/** While the article loads, or when it cannot be opened: the way back still works, by button and by key. */
function ReaderWaiting({ error, onBack }: { error: string | null; onBack: () => void }) {
  const scroller = useRef<HTMLElement>(null);
  useReaderKeys(scroller, { onBack, onHelp: () => undefined });
  return (
    <div className="reader reader--waiting">
      <header className="reader__toolbar">
        <button type="button" className="button button--quiet" onClick={onBack} aria-label="Back to library">
          <Icon name="back" />
          Library
        </button>
      </header>
      <main ref={scroller} className="reader__scroll">
        {error ? (
          <p className="reader__error" role="alert">
            {error}
          </p>
        ) : (
          <p className="reader__loading">Opening…</p>
        )}
      </main>
    </div>
  );
}

const SIDEBAR_KEY = 'gloss:sidebar-open';

function ReadingScreen({
  at,
  end,
  settings,
  onSettingsChange,
  onBack,
  notify,
  initial,
}: Props & { initial: { article: Article; annotations: Annotation[] } }) {
  const api = useApi();
  const [article, setArticle] = useState(initial.article);
  const [annotations, setAnnotations] = useState(initial.annotations);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [pendingLink, setPendingLink] = useState<string | null>(null);
  // Without a saved choice, open it only where there is room beside the text (narrower, it takes the lower part: reader.css).
  const [sidebarOpen, setSidebarOpen] = useState(() => {
    const saved = readPref(SIDEBAR_KEY);
    return saved === null ? window.innerWidth > 960 : saved === 'true';
  });
  const scroller = useRef<HTMLElement>(null);
  const titleId = useId();
  const settingsId = useId();
  const sidebarId = useId();

  useEffect(() => {
    document.title = `${isolate(article.title)} — Gloss`;
    return () => {
      document.title = 'Gloss';
    };
  }, [article.title]);

  const { onScroll, flush } = useReadingPosition({
    article,
    root,
    scroller,
    initialAt: at,
    onRestored: () => {
      performance.mark('gloss:article-shown');
      scroller.current?.focus({ preventScroll: true });
    },
  });

  // A hairline under the toolbar shows how far along you are; drawn straight to CSS, no re-render.
  const progressBar = useRef<HTMLDivElement>(null);
  const progressFrame = useRef(0);
  const toolbarTitle = useRef<HTMLParagraphElement>(null);
  const showProgress = useCallback(() => {
    cancelAnimationFrame(progressFrame.current);
    progressFrame.current = requestAnimationFrame(() => {
      if (scroller.current && progressBar.current)
        progressBar.current.style.setProperty('--read', String(scrollProgress(scroller.current)));
      // The toolbar repeats the title only once the real one has scrolled away.
      toolbarTitle.current?.classList.toggle('is-shown', (scroller.current?.scrollTop ?? 0) > 160);
    });
  }, []);
  useEffect(() => {
    if (root) showProgress();
  }, [root, showProgress]);

  const goBack = useCallback(() => {
    void flush().finally(onBack);
  }, [flush, onBack]);

  useReaderKeys(scroller, {
    onBack: () => {
      if (settingsOpen) setSettingsOpen(false);
      else goBack();
    },
    onHelp: () => setHelpOpen(true),
  });

  // Changing type reflows the page: keep the block the reader was on at the top.
  const anchor = useRef<number | null>(null);
  const changeSettings = useCallback(
    (patch: Partial<ReaderSettings>) => {
      if (root && scroller.current && ('fontSize' in patch || 'lineHeight' in patch || 'font' in patch))
        anchor.current = firstVisibleOffset(root, scroller.current);
      onSettingsChange(patch);
    },
    [onSettingsChange, root],
  );
  useLayoutEffect(() => {
    if (anchor.current === null || !root || !scroller.current) return;
    if (anchor.current > 0) scrollToOffset(root, scroller.current, anchor.current);
    anchor.current = null;
  }, [settings.fontSize, settings.lineHeight, settings.font, root]);

  const ctx = useMemo<ReaderContext>(
    () => ({
      api,
      article,
      root,
      annotations,
      setAnnotations,
      onArticleChanged: setArticle,
      notify,
      revealRange: (start, end) => {
        if (root && scroller.current) revealRange(root, scroller.current, start, end);
      },
    }),
    [api, article, root, annotations, notify],
  );

  // A jump from the library ("open at") flashes what was jumped to: the whole
  // highlight or mention when its end is known, else the rest of the sentence.
  useEffect(() => {
    if (!root || !scroller.current || at === undefined) return;
    let stop = end;
    if (stop === undefined || stop <= at) {
      const rest = article.text.slice(at, at + 240);
      const dot = rest.search(/[.!?\n]/);
      stop = at + (dot === -1 ? rest.length : dot + 1);
    }
    revealRange(root, scroller.current, at, stop, false);
    // Once, when the body first appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [root, at]);

  const onArticleClick = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as Element).closest('a');
    if (!link || !event.currentTarget.contains(link)) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    switch (classifyLink(href)) {
      case 'external':
        setPendingLink(href);
        break;
      case 'anchor': {
        const name = decodeURIComponent(href!.slice(1));
        const target =
          root?.querySelector(`[id="${CSS.escape(`user-content-${name}`)}"]`) ??
          root?.querySelector(`[id="${CSS.escape(name)}"], [name="${CSS.escape(`user-content-${name}`)}"]`);
        target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        break;
      }
      case 'insecure':
        notify(`Gloss opens only https and email links. This one is: ${href}`);
        break;
      case 'blocked':
        break;
    }
  };

  const openLink = (url: string) => {
    setPendingLink(null);
    openExternalLink(api, url).catch((caught: unknown) =>
      notify(messageOf(caught, 'The link could not be opened.'), { level: 'error' }),
    );
  };

  const onDetailsSaved = (summary: ArticleSummary) => {
    setArticle((current) => ({ ...current, ...summary }));
    notify('Details saved.');
  };

  const toggleSidebar = () => {
    setSidebarOpen((open) => {
      writePref(SIDEBAR_KEY, String(!open));
      return !open;
    });
  };

  return (
    <div className={sidebarOpen ? 'reader reader--with-sidebar' : 'reader'}>
      <header className="reader__toolbar">
        <button type="button" className="button button--quiet" onClick={goBack} aria-label="Back to library">
          <Icon name="back" />
          Library
        </button>
        <p ref={toolbarTitle} className="reader__toolbar-title" aria-hidden="true">
          {article.title}
        </p>
        <div className="reader__tools">
          <ExportButton ctx={ctx} />
          <button
            type="button"
            className="button button--quiet icon-button"
            aria-label="Edit details"
            title="Edit details"
            onClick={() => setEditing(true)}
          >
            <Icon name="edit" />
          </button>
          <div className="reader__settings-anchor">
            <button
              type="button"
              className="button button--quiet icon-button"
              aria-label="Reading settings"
              title="Reading settings"
              aria-expanded={settingsOpen}
              aria-controls={settingsId}
              onClick={() => setSettingsOpen((open) => !open)}
            >
              <Icon name="type" />
            </button>
            {settingsOpen && (
              <ReadingSettings
                id={settingsId}
                settings={settings}
                onChange={changeSettings}
                onClose={() => setSettingsOpen(false)}
              />
            )}
          </div>
          <button
            type="button"
            className="button button--quiet icon-button"
            aria-label="Sidebar"
            title={sidebarOpen ? 'Hide sidebar' : 'Show sidebar'}
            aria-expanded={sidebarOpen}
            aria-controls={sidebarId}
            onClick={toggleSidebar}
          >
            <Icon name="sidebar" />
          </button>
          <button
            type="button"
            className="button button--quiet icon-button"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            aria-keyshortcuts="?"
            onClick={() => setHelpOpen(true)}
          >
            <Icon name="help" />
          </button>
        </div>
      </header>

      <div ref={progressBar} className="reader__progress" aria-hidden="true" />
      <main
        ref={scroller}
        className="reader__scroll"
        tabIndex={-1}
        aria-label="Reading area"
        onScroll={() => {
          onScroll();
          showProgress();
        }}
      >
        <article
          className="reader__article"
          lang={article.language ?? undefined}
          aria-labelledby={titleId}
          onClick={onArticleClick}
          onAuxClick={onArticleClick}
        >
          <ArticleHeader article={article} titleId={titleId} />
          <RemovedPassages ctx={ctx} />
          <ArticleBody
            articleId={article.id}
            title={article.title}
            html={article.html}
            text={article.text}
            onRoot={setRoot}
          />
        </article>
        <ReaderOverlays ctx={ctx} />
      </main>

      {sidebarOpen && <ReaderSidebar id={sidebarId} ctx={ctx} />}

      {editing && <EditDetailsDialog article={article} onSaved={onDetailsSaved} onClose={() => setEditing(false)} />}
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
      {pendingLink && (
        <LinkDialog url={pendingLink} onOpen={() => openLink(pendingLink)} onCancel={() => setPendingLink(null)} />
      )}
    </div>
  );
}
