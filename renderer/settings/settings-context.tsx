// The reader settings have one owner: the app holds them, applies the
// appearance at once and saves each change; the library (sort order), the
// reading settings and the highlight color all go through useSettings().
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ReaderSettings } from '../../main/model/contract';
import { useApi } from '../api/api-context';
import { messageOf } from '../api/message-of';
import type { Notify } from '../components/Toast';
import { applyAppearance } from './appearance';

export interface UpdateOptions {
  /** Say nothing when the save fails (a convenience such as the last color used is not worth a toast). */
  quiet?: boolean;
}

export interface SettingsState {
  settings: ReaderSettings;
  update(patch: Partial<ReaderSettings>, options?: UpdateOptions): void;
}

const SettingsContext = createContext<SettingsState | null>(null);

export function SettingsProvider({
  initial,
  notify,
  children,
}: {
  initial: ReaderSettings;
  notify: Notify;
  children: ReactNode;
}) {
  const api = useApi();
  const [settings, setSettings] = useState(initial);

  const update = useCallback(
    (patch: Partial<ReaderSettings>, options: UpdateOptions = {}) => {
      setSettings((current) => {
        const next = { ...current, ...patch };
        applyAppearance(next);
        return next;
      });
      // Not applying the reply: quick repeated clicks must not be undone by an older answer.
      api.updateSettings(patch).catch((error: unknown) => {
        if (!options.quiet) notify(messageOf(error, 'Your reading settings could not be saved.'), { level: 'error' });
      });
    },
    [api, notify],
  );

  const value = useMemo(() => ({ settings, update }), [settings, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

/** The reader settings and the one way to change them. */
export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (!state) throw new Error('useSettings() needs a <SettingsProvider> above it.');
  return state;
}
