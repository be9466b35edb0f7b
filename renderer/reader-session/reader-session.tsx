// One open article as the reader's features see it: the article, the element
// its text is drawn in, its annotations with their actions and undo history,
// and the few things they ask of the reader. ReaderView provides it; the
// panels, overlays and dialogs read it with useReaderSession(). This folder
// imports no feature, so features/reader and the features it shows can both use it.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Annotation, Article } from '../../main/model/contract';
import { useApi } from '../api/api-context';
import type { Notify } from '../components/Toast';
import { revealRange as revealIn } from '../highlights/reveal-range';
import { createAnnotationActions, type AnnotationActions } from './annotation-actions';
import { createAnnotationSession } from './annotation-session';
import type { UndoStack } from './undo-stack';

/** "Edit" from the sidebar: open this highlight's popover in the text. `seq` tells one request from the next. */
export interface OpenRequest {
  id: string;
  seq: number;
}

export interface ReaderSession {
  article: Article;
  /** The element whose textContent equals `article.text` exactly, so canonical offsets map onto its text nodes. */
  root: HTMLElement | null;
  annotations: Annotation[];
  actions: AnnotationActions;
  /** The one undo history of this article (the text and the sidebar share it). */
  undo: UndoStack;
  /** A short status message; with `undo`, the toast offers an Undo button. */
  notify: Notify;
  setRoot(root: HTMLElement | null): void;
  setAnnotations(update: (current: Annotation[]) => Annotation[]): void;
  /** Replaces the article after a metadata edit, an export or "Update from file…". */
  replaceArticle(update: Article | ((current: Article) => Article)): void;
  /** Scrolls to and briefly flashes a range of the canonical text. */
  revealRange(start: number, end: number): void;
  openRequest: OpenRequest | null;
  requestOpen(id: string): void;
}

const ReaderSessionContext = createContext<ReaderSession | null>(null);

interface Props {
  initial: { article: Article; annotations: Annotation[] };
  notify: Notify;
  children: ReactNode;
}

/** Holds one article's session while it is open; keyed by the article, it is dropped (undo closures and all) with it. */
export function ReaderSessionProvider({ initial, notify, children }: Props) {
  const api = useApi();
  const [article, replaceArticle] = useState(initial.article);
  const [annotations, setAnnotations] = useState(initial.annotations);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [openRequest, setOpenRequest] = useState<OpenRequest | null>(null);
  const [session] = useState(createAnnotationSession);

  // The actions outlive renders: they read the annotations and text shown now.
  const latest = useRef({ annotations, text: article.text });
  useEffect(() => {
    latest.current = { annotations, text: article.text };
  });
  const articleId = article.id;
  const actions = useMemo(
    () =>
      createAnnotationActions({
        api,
        articleId,
        session,
        current: () => latest.current.annotations,
        text: () => latest.current.text,
        setAnnotations,
        notify,
      }),
    [api, articleId, session, notify],
  );

  const revealRange = useCallback(
    (start: number, end: number) => {
      const scroller = root?.closest<HTMLElement>('.reader__scroll');
      if (root && scroller) revealIn(root, scroller, start, end);
    },
    [root],
  );
  const requestOpen = useCallback((id: string) => setOpenRequest((last) => ({ id, seq: (last?.seq ?? 0) + 1 })), []);

  const value = useMemo<ReaderSession>(
    () => ({
      article,
      root,
      annotations,
      actions,
      undo: session.undo,
      notify,
      setRoot,
      setAnnotations,
      replaceArticle,
      revealRange,
      openRequest,
      requestOpen,
    }),
    [article, root, annotations, actions, session, notify, revealRange, openRequest, requestOpen],
  );
  return <ReaderSessionContext.Provider value={value}>{children}</ReaderSessionContext.Provider>;
}

/** The open article's session, for anything drawn inside the reader. */
export function useReaderSession(): ReaderSession {
  const session = useContext(ReaderSessionContext);
  if (!session) throw new Error('useReaderSession() needs a <ReaderSessionProvider> above it.');
  return session;
}
