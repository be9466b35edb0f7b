import { useEffect, useLayoutEffect, useState } from 'react';
import type { ArticleSummary } from '../../../main/model/contract';
import { messageOf } from '../../api/message-of';
import { useApi } from '../../api/api-context';

/** The library's articles, read again whenever `refreshKey` changes (after an import). */
export function useLibraryList(refreshKey: number) {
  const api = useApi();
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    performance.mark('gloss:library-request');
    api.listArticles({}).then(
      (list) => {
        if (live) setArticles(list);
      },
      (error: unknown) => {
        if (live) setLoadError(messageOf(error, 'The library could not be read.'));
      },
    );
    return () => {
      live = false;
    };
  }, [api, refreshKey]);

  // For the benchmark: the list is in the DOM once this runs.
  useLayoutEffect(() => {
    if (articles) performance.mark('gloss:library-shown');
  }, [articles]);

  return { articles, setArticles, loadError };
}
