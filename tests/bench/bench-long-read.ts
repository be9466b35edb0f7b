// Long documents in the real UI (issue 15): opening a 1M- and a 5M-word article
// to its text painted, a highlight made with `h` to its paint, and the renderer's
// memory after opening and highlighting several long articles and going back.
import type { Browser, CDPSession, Page } from '@playwright/test';
import { startGlossServer, type GlossServer } from '../support/gloss-server';
import { launchChromium } from './browser';
import { row, type BenchRow } from './report';
import { UI_PROBE, waitForStamp } from './ui-probe';

export interface LongReadInput {
  library: string;
  /** The long articles to open and highlight, largest last. */
  articles: Array<{ id: string; words: number }>;
  /** Titles of the articles opened one after another for the memory figure. */
  memoryTitles: string[];
  runs: number;
}

/** Scrolls the reader to `fraction` of the article and selects the start of the paragraph at the middle of the view. */
export const selectAt = (fraction: number): string => `(async () => {
  const scroller = document.querySelector('.reader__scroll');
  scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) * ${fraction};
  for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => setTimeout(r, 300));
  const box = scroller.getBoundingClientRect();
  const x = box.left + box.width / 2;
  for (let y = box.top + box.height / 2; y < box.bottom; y += 12) {
    const at = document.caretRangeFromPoint(x, y);
    const node = at && at.startContainer;
    if (!node || node.nodeType !== 3 || !node.parentElement.closest('.article-body')) continue;
    const text = node.data;
    const start = Math.max(0, text.indexOf(' ', at.startOffset) + 1);
    if (text.length - start < 20) continue;
    getSelection().setBaseAndExtent(node, start, node, Math.min(text.length, start + 40));
    return true;
  }
  return false;
})()`;

/** From the next keydown to the frame after the one that first shows one more highlight. */
export const ARM_HIGHLIGHT = `window.__glossHighlightPainted = new Promise((resolve) => {
  const count = () => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('gloss-') && name !== 'gloss-selected' && name !== 'gloss-flash') n += h.size;
    return n;
  };
  const before = count();
  let from = NaN;
  const giveUp = Date.now() + 20000;
  document.addEventListener('keydown', () => { from = performance.now(); }, { once: true, capture: true });
  const tick = () => {
    if (!Number.isNaN(from) && count() > before) return setTimeout(() => resolve(performance.now() - from), 0);
    if (Date.now() > giveUp) return resolve(NaN);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}); undefined`;

async function openArticle(page: Page, server: GlossServer, id: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${server.origin}/?article=${encodeURIComponent(id)}#token=${server.token}`);
  const s = await waitForStamp(page, 'text', 'gloss:article-request', 120_000);
  if (s.at === null) throw new Error(`Article ${id} did not paint within 120 s.`);
  return s.at - s.from;
}

async function highlightOnce(page: Page, fraction: number): Promise<number> {
  if (!(await page.evaluate<boolean>(selectAt(fraction)))) throw new Error('No text in view to select.');
  await page.evaluate(ARM_HIGHLIGHT);
  await page.keyboard.press('h');
  const ms = await page.evaluate<number>('window.__glossHighlightPainted');
  if (Number.isNaN(ms)) throw new Error('A highlight made with h was not painted.');
  return ms;
}

async function measureArticle(
  browser: Browser,
  server: GlossServer,
  a: LongReadInput['articles'][number],
  runs: number,
) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.addInitScript(UI_PROBE);
  try {
    const opens: number[] = [];
    const paints: number[] = [];
    for (let r = 0; r <= runs; r++) {
      const open = await openArticle(page, server, a.id);
      if (r > 0) opens.push(open);
      // Let the reader settle (entities, layout of what is near) before the keystroke is timed.
      await page.waitForTimeout(1500);
      const ms = await highlightOnce(page, 0.2 + (0.6 * r) / Math.max(1, runs));
      if (r > 0) paints.push(ms);
    }
    const size = `${a.words.toLocaleString('en-US')} words`;
    const million = a.words >= 4_000_000;
    return [
      row(
        'Long article: open → text painted',
        size,
        'ms',
        opens,
        million ? { op: '<', value: 1000 } : undefined,
        'getArticle over HTTP, sanitize, insert, first frame',
      ),
      row(
        'Long article: h → highlight painted',
        size,
        'ms',
        paints,
        { op: '<', value: million ? 50 : 16.7 },
        'a selection in the middle of the article, keydown to the frame showing it',
      ),
    ];
  } finally {
    await page.close();
  }
}

async function domNodes(cdp: CDPSession): Promise<{ nodes: number; heapMb: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const counters = await cdp.send('Memory.getDOMCounters');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return { nodes: counters.nodes, heapMb: heap.usedSize / 1e6 };
}

/** Opens each article from the library, highlights in it, goes back; the renderer's DOM and heap against the start. */
async function measureMemory(browser: Browser, server: GlossServer, titles: string[]): Promise<BenchRow[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${server.origin}/#token=${server.token}`);
    const list = page.getByRole('list', { name: 'Articles' });
    await list.getByRole('button', { name: titles[0], exact: true }).waitFor();
    const base = await domNodes(cdp);
    for (const title of titles) {
      await list.getByRole('button', { name: title, exact: true }).click();
      await page.getByRole('article', { name: title }).waitFor();
      await page.waitForTimeout(1000);
      await highlightOnce(page, 0.5);
      await page.getByRole('button', { name: 'Back to library' }).click();
      await list.waitFor();
    }
    await page.waitForTimeout(500);
    const after = await domNodes(cdp);
    const what = `${titles.length} articles of 1,000,000 words opened, highlighted, closed`;
    return [
      {
        ...row('Renderer after long reads: DOM nodes beyond the library', what, 'nodes', [after.nodes - base.nodes]),
        note: `library alone ${base.nodes.toLocaleString('en-US')} nodes; after ${after.nodes.toLocaleString('en-US')}`,
      },
      {
        ...row('Renderer after long reads: JS heap beyond the library', what, 'MB', [after.heapMb - base.heapMb]),
        note: `library alone ${base.heapMb.toFixed(1)} MB; after ${after.heapMb.toFixed(1)} MB (after a GC)`,
      },
    ];
  } finally {
    await page.close();
  }
}

export async function benchLongRead(input: LongReadInput): Promise<BenchRow[]> {
  const browser = await launchChromium();
  const server = await startGlossServer({ libraryDir: input.library, welcome: false });
  try {
    const rows: BenchRow[] = [];
    for (const a of input.articles) rows.push(...(await measureArticle(browser, server, a, input.runs)));
    rows.push(...(await measureMemory(browser, server, input.memoryTitles)));
    return rows;
  } finally {
    await server.stop();
    await browser.close();
  }
}
