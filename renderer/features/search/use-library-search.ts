import { useEffect, useState } from 'react';
import type { LibrarySearch } from '../../../main/model/contract';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/message-of';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; previous: LibrarySearch | null }
  | { status: 'done'; found: LibrarySearch }
  | { status: 'failed'; message: string };

/** Asks the library search as the user types: a moment after the last keystroke, the newest query only. */
export function useLibrarySearch(query: string, delayMs = 120): SearchState {
  const api = useApi();
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    if (!query.trim()) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState((s) => ({ status: 'searching', previous: s.status === 'done' ? s.found : null }));
    const timer = setTimeout(() => {
      api.searchLibrary({ query, limit: 30 }).then(
        (found) => live && setState({ status: 'done', found }),
        (error: unknown) => live && setState({ status: 'failed', message: messageOf(error, 'The search failed.') }),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, delayMs]);
  return state;
}
