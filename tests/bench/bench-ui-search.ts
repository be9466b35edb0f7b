// Library search in the real UI: a keystroke in the library's search box to the
// frame in which that query's results are painted (HTTP, the search, React, paint).
import type { Browser } from '@playwright/test';
import { startGlossServer } from '../support/gloss-server';
import { row, type BenchRow } from './report';

const TYPED = 'minister budget';

/**
 * Arms a watch: from the next keydown to the frame after the "searching…" line has gone again.
 * A string, as the other probes: a function would be sent with the bundler's helpers in it.
 */
const ARM = `window.__glossSearchPainted = new Promise((resolve) => {
  let from = NaN;
  let sawBusy = false;
  document.addEventListener('keydown', () => { from = performance.now(); }, { once: true, capture: true });
  const observer = new MutationObserver(() => {
    const section = document.querySelector('section[aria-label="Found in your articles"]');
    if (section && section.querySelector('[role="status"]')) sawBusy = true;
    else if (sawBusy && section) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - from), 0));
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  setTimeout(() => { observer.disconnect(); resolve(NaN); }, 15000);
}); undefined`;

export async function measureSearchTyping(
  browser: Browser,
  dir: string,
  size: string,
  runs: number,
): Promise<BenchRow[]> {
  const server = await startGlossServer({ libraryDir: dir, welcome: false });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    await page.goto(`${server.origin}/#token=${server.token}`);
    const box = page.getByRole('searchbox', { name: 'Filter articles' });
    // The index is built (or read) once before typing is timed, as it is 3 s after start-up in the app.
    await box.fill('minister');
    await page.getByRole('list', { name: 'Search results' }).waitFor({ timeout: 180_000 });
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      await box.fill('');
      await box.pressSequentially(TYPED.slice(0, 2));
      for (const ch of TYPED.slice(2)) {
        await page.evaluate(ARM);
        await page.keyboard.press(ch === ' ' ? 'Space' : ch);
        times.push(await page.evaluate<number>('window.__glossSearchPainted'));
      }
    }
    if (times.some(Number.isNaN)) throw new Error('A search typed in the library painted no results.');
    return [
      row(
        'Search in the UI: a keystroke → its results painted',
        size,
        'ms',
        times,
        { op: '<', value: 50 },
        `“${TYPED}” typed a letter at a time in the library's search box (browser mode, HTTP)`,
      ),
    ];
  } finally {
    await page.close();
    await server.stop();
  }
}
