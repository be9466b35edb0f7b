/**
 * Small view preferences that are not reader settings (sidebar open or not).
 * Kept in localStorage, which may be unavailable (a custom protocol without
 * storage, a locked-down profile): then they simply are not remembered.
 */
export function readPref(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writePref(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered; nothing else depends on it.
  }
}
