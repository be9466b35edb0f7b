import type { GlossApi } from '../model/contract';
import type { SearchService } from './search-service';

/** Library search. */
export type SearchHandlers = Pick<GlossApi, 'searchLibrary' | 'getSearchProgress'>;

/** This feature's operations of the contract, each bound to its service: what the transports serve. */
export function searchHandlers(search: SearchService): SearchHandlers {
  return { searchLibrary: (i) => search.searchLibrary(i), getSearchProgress: (i) => search.getSearchProgress(i) };
}
