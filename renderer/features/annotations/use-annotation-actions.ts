// The annotation actions for the open article, shared by the reading area and
// the sidebar tab (one session per article: one undo history).
import { useEffect, useMemo, useRef } from 'react';
import type { ReaderContext } from '../reader/reader-context';
import { createAnnotationActions, type AnnotationActions } from './annotation-actions';
import { sessionFor } from './annotation-session';

export type { AnnotationActions } from './annotation-actions';

export function useAnnotationActions(ctx: ReaderContext): AnnotationActions {
  const latest = useRef(ctx);
  useEffect(() => {
    latest.current = ctx;
  });
  const { api, setAnnotations, notify } = ctx;
  const articleId = ctx.article.id;
  return useMemo(
    () =>
      createAnnotationActions({
        api,
        articleId,
        session: sessionFor(articleId),
        current: () => latest.current.annotations,
        text: () => latest.current.article.text,
        setAnnotations,
        notify,
      }),
    [api, articleId, setAnnotations, notify],
  );
}
