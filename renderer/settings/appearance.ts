import type { ReaderSettings } from '../../main/model/contract';

const CACHE_KEY = 'gloss:appearance';

/**
 * Theme and type live on <html> as data attributes and custom properties, so
 * every stylesheet can use them and the theme covers the library too.
 * Set through CSSOM (allowed by our CSP), never through inline style markup.
 */
export function applyAppearance(settings: Pick<ReaderSettings, 'theme' | 'font' | 'fontSize' | 'lineHeight'>): void {
  const html = document.documentElement;
  html.dataset.theme = settings.theme;
  html.dataset.font = settings.font;
  html.style.setProperty('--reader-size', `${settings.fontSize}px`);
  html.style.setProperty('--reader-leading', String(settings.lineHeight));
  try {
    localStorage.setItem(CACHE_KEY, JSON.stringify(settings));
  } catch {
    // Storage may be unavailable; the settings still come from the library on start.
  }
}

/** The last appearance seen, applied before the first paint so a dark-theme reader is not flashed with white. */
export function applyCachedAppearance(): void {
  try {
    const cached = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null') as Partial<ReaderSettings> | null;
    if (
      cached &&
      (cached.theme === 'light' || cached.theme === 'sepia' || cached.theme === 'dark') &&
      (cached.font === 'serif' || cached.font === 'sans') &&
      typeof cached.fontSize === 'number' &&
      typeof cached.lineHeight === 'number'
    ) {
      applyAppearance({
        theme: cached.theme,
        font: cached.font,
        fontSize: cached.fontSize,
        lineHeight: cached.lineHeight,
      });
    }
  } catch {
    // A bad cache is ignored: the real settings arrive a moment later.
  }
}
