import { createContext, useContext, type ReactNode } from 'react';
import type { GlossApi } from '../../main/model/contract';

const ApiContext = createContext<GlossApi | null>(null);

/** Gives every component below the one API client, whichever transport it has. */
export function ApiProvider({ api, children }: { api: GlossApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The API client: the way components reach the library (never a prop). */
export function useApi(): GlossApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}
