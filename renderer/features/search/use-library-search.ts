import { useEffect, useRef, useState } from 'react';
import type { LibrarySearch } from '../../../main/model/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/message-of';

/** The articles listed per query: a screenful and more; the count of the rest is shown, and a word narrows it. */
const RESULTS_SHOWN = 20;

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; previous: LibrarySearch | null }
  | { status: 'done'; found: LibrarySearch }
  | { status: 'failed'; message: string };

/**
 * Asks the library search as the user types. A query is sent at once when no search is on its
 * way; otherwise it waits for that answer and is sent only if it is still the newest, so fast
 * typing never queues searches behind one another.
 */
export function useLibrarySearch(query: string): SearchState {
  const api = useApi();
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const underWay = useRef<Promise<unknown> | null>(null);
  useEffect(() => {
    if (!query.trim()) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({ status: 'searching', previous: s.status === 'done' ? s.found : null }));
    const send = () => {
      if (!live) return;
      const request = api.searchLibrary({ query, limit: RESULTS_SHOWN }).then(
        (found) => live && setState({ status: 'done', found }),
        (error: unknown) => live && setState({ status: 'failed', message: messageOf(error, 'The search failed.') }),
      );
      underWay.current = request;
      void request.finally(() => {
        if (underWay.current === request) underWay.current = null;
      });
    };
    if (underWay.current) void underWay.current.finally(send);
    else send();
    return () => {
      live = false;
    };
  }, [api, query]);
  return state;
}
