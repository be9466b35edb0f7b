import type { Page } from '@playwright/test';

// An init script for the real UI: each frame it checks what the reader can see
// and stamps the frame in which the library list, the article text and all of
// an article's highlights first appear. The stamp is taken just after that
// frame (rAF, then a task), i.e. when it has been painted.
export const UI_PROBE = `(() => {
  const stamps = {};
  window.__glossBench = { stamps, expectHighlights: -1 };
  const stamp = (key) => {
    if (key in stamps) return;
    stamps[key] = null;
    setTimeout(() => { stamps[key] = performance.now(); }, 0);
  };
  const painted = () => {
    let n = 0;
    if (window.CSS && CSS.highlights) {
      for (const [name, h] of CSS.highlights) {
        if (name.startsWith('gloss-') && name !== 'gloss-selected' && name !== 'gloss-flash') n += h.size;
      }
    }
    return n;
  };
  const tick = () => {
    if (document.querySelector('ul[aria-label="Articles"] > li')) stamp('list');
    // Once stamped, not read again: textContent of a long article is megabytes, each frame.
    if (!('text' in stamps)) {
      const body = document.querySelector('.article-body');
      if (body && body.textContent.length > 0) stamp('text');
    }
    const want = window.__glossBench.expectHighlights;
    if (want >= 0 && 'text' in stamps && painted() >= want) stamp('highlights');
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Reads the stamps back, relative to a performance mark the app sets (or to navigation start). */
export function readStamps(key: string, mark: string): string {
  return `(() => {
    const s = window.__glossBench.stamps;
    const mark = performance.getEntriesByName(${JSON.stringify(mark)})[0];
    const value = s[${JSON.stringify(key)}];
    return { at: typeof value === 'number' ? value : null, from: mark ? mark.startTime : NaN };
  })()`;
}

export interface Stamp {
  at: number | null;
  from: number;
}

/** Waits for a stamp (null `at` once `timeoutMs` has passed). Polled from here: the app's CSP forbids the string eval waitForFunction would need. */
export async function waitForStamp(page: Page, key: string, mark: string, timeoutMs = 15_000): Promise<Stamp> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await page.evaluate<Stamp>(readStamps(key, mark));
    if (s.at !== null || Date.now() > deadline) return s;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
