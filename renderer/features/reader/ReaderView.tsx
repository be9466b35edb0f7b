import { useEffect, useState } from 'react';
import type { Annotation, Article } from '../../../main/model/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/message-of';
import type { Notify } from '../../components/Toast';
import { ReaderSessionProvider } from '../../reader-session/reader-session';
import { ReaderWaiting } from './ReaderWaiting';
import { ReadingScreen } from './ReadingScreen';

interface Props {
  articleId: string;
  /** Open at this canonical offset instead of the saved position. */
  at?: number;
  /** With `at`: the end of the range to flash (a whole mention or highlight). */
  end?: number;
  onBack: () => void;
  notify: Notify;
}

/** Loads the article (and its annotations), then hands over to the reading screen and its session. */
export function ReaderView({ articleId, at, end, onBack, notify }: Props) {
  const api = useApi();
  const [loaded, setLoaded] = useState<{ article: Article; annotations: Annotation[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

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
        if (!live) return;
        setLoaded({ article, annotations });
        // Only the library's "New" label depends on it: a library that cannot be written keeps the label.
        api.markArticleOpened({ id: article.id }).catch(() => undefined);
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
  // The session (and its undo history, which holds the article's text and DOM) lives while the article is open, no longer.
  return (
    <ReaderSessionProvider key={loaded.article.id} initial={loaded} notify={notify}>
      <ReadingScreen at={at} end={end} onBack={onBack} />
    </ReaderSessionProvider>
  );
}
