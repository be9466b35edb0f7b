import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../main/model/contract';
import { useReaderSession } from '../../reader-session/reader-session';
import { isolate } from '../../text/bidi';
import { ReaderOverlays } from '../annotations/ReaderOverlays';
import { HighlightMap } from '../annotations/HighlightMap';
import { useHighlightSteps } from '../annotations/use-highlight-steps';
import { HelpDialog } from '../help/HelpDialog';
import { usePdfKeys } from '../pdf/use-pdf-keys';
import { usePdfPages } from '../pdf/use-pdf-pages';
import { ArticleBody } from './ArticleBody';
import { ArticleHeader } from './ArticleHeader';
import { RemovedPassages } from './RemovedPassages';
import { EditDetailsDialog } from './EditDetailsDialog';
import { LinkDialog } from './LinkDialog';
import { ReaderSidebar } from './ReaderSidebar';
import { ReaderToolbar } from './ReaderToolbar';
import { useArticleLinks } from './use-article-links';
import { useJumpFlash } from './use-jump-flash';
import { useReaderKeys } from './use-reader-keys';
import { useReadingPosition } from './use-reading-position';
import { useReadingProgress } from './use-reading-progress';
import { useShelfToggles } from './use-shelf-toggles';
import { useSidebarOpen } from './use-sidebar-open';
import { useTypeAnchor } from './use-type-anchor';

interface Props {
  at?: number;
  end?: number;
  onBack: () => void;
}

/** The open article: toolbar, text, the overlays over it and the sidebar beside it. */
export function ReadingScreen({ at, end, onBack }: Props) {
  const { article, root, setRoot, replaceArticle, notify } = useReaderSession();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [sidebarOpen, toggleSidebar] = useSidebarOpen();
  const scroller = useRef<HTMLElement>(null);
  const titleId = useId();
  const sidebarId = useId();

  useEffect(() => {
    document.title = `${isolate(article.title)} — Gloss`;
    return () => {
      document.title = 'Gloss';
    };
  }, [article.title]);

  // Before the reading position: the pages must have their size when it is restored.
  const pdf = usePdfPages(article, root, scroller, notify);
  usePdfKeys(pdf);
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
  const { progressBar, toolbarTitle, showProgress } = useReadingProgress(scroller, root);
  const { settings, changeSettings } = useTypeAnchor(scroller, root);
  const links = useArticleLinks(root, notify);
  useJumpFlash(scroller, root, article.text, at, end);

  const goBack = useCallback(() => {
    void flush().finally(onBack);
  }, [flush, onBack]);

  const steps = useHighlightSteps(scroller);
  const shelf = useShelfToggles();
  useReaderKeys(scroller, {
    onBack: () => {
      if (settingsOpen) setSettingsOpen(false);
      else goBack();
    },
    onHelp: () => setHelpOpen(true),
    onNextHighlight: steps.next,
    onPreviousHighlight: steps.previous,
    onArchive: shelf.toggleArchived,
    onFavorite: shelf.toggleFavorite,
  });

  const onDetailsSaved = (summary: ArticleSummary) => {
    replaceArticle((current) => ({ ...current, ...summary }));
    notify('Details saved.');
  };

  return (
    <div className={sidebarOpen ? 'reader reader--with-sidebar' : 'reader'}>
      <ReaderToolbar
        title={article.title}
        titleRef={toolbarTitle}
        onBack={goBack}
        onEdit={() => setEditing(true)}
        onHelp={() => setHelpOpen(true)}
        settings={settings}
        onSettingsChange={changeSettings}
        settingsOpen={settingsOpen}
        setSettingsOpen={setSettingsOpen}
        sidebarId={sidebarId}
        sidebarOpen={sidebarOpen}
        onToggleSidebar={toggleSidebar}
        steps={steps}
        shelf={shelf}
        pdf={pdf}
      />

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
          onClick={links.onArticleClick}
          onAuxClick={links.onArticleClick}
        >
          <ArticleHeader article={article} titleId={titleId} />
          <RemovedPassages />
          <ArticleBody
            articleId={article.id}
            title={article.title}
            html={article.html}
            text={article.text}
            onRoot={setRoot}
          />
        </article>
        <ReaderOverlays />
      </main>
      <HighlightMap scroller={scroller} />

      {sidebarOpen && <ReaderSidebar id={sidebarId} />}

      {editing && <EditDetailsDialog article={article} onSaved={onDetailsSaved} onClose={() => setEditing(false)} />}
      {helpOpen && <HelpDialog onClose={() => setHelpOpen(false)} />}
      {links.pendingLink && (
        <LinkDialog
          url={links.pendingLink}
          onOpen={() => links.openLink(links.pendingLink!)}
          onCancel={links.cancelLink}
        />
      )}
    </div>
  );
}
