import { useState } from 'react';
import { readPref, writePref } from './local-prefs';

const SIDEBAR_KEY = 'gloss:sidebar-open';

/** Whether the sidebar is open, remembered across articles and restarts. */
export function useSidebarOpen(): [open: boolean, toggle: () => void] {
  // Without a saved choice, open it only where there is room beside the text (narrower, it takes the lower part: reader.css).
  const [open, setOpen] = useState(() => {
    const saved = readPref(SIDEBAR_KEY);
    return saved === null ? window.innerWidth > 960 : saved === 'true';
  });
  const toggle = () => {
    setOpen((current) => {
      writePref(SIDEBAR_KEY, String(!current));
      return !current;
    });
  };
  return [open, toggle];
}
