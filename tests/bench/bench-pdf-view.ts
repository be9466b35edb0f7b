// A PDF's page view in the real UI: opening a 100-page PDF to its first page drawn, a highlight
// made with `h` on a drawn page to its paint, and with a 500-page PDF open and scrolled through
// from the first page to the last, the renderer's JS heap and the canvases still alive.
import type { Browser, Page } from '@playwright/test';
import { callApi, startGlossServer, type GlossServer } from '../support/gloss-server';
import { launchChromium } from './browser';
import { ARM_HIGHLIGHT, selectAt } from './bench-long-read';
import { row, type BenchRow } from './report';

async function importPdf(server: GlossServer, name: string, bytes: Uint8Array): Promise<string> {
  const [outcome] = await callApi<Array<{ status: string; article?: { id: string } }>>(server, 'importFiles', {
    files: [{ name, dataBase64: Buffer.from(bytes).toString('base64') }],
  });
  if (outcome?.status !== 'imported' || !outcome.article) throw new Error(`${name} was not imported.`);
  return outcome.article.id;
}

/** From the reader asking for the article to the first page drawn on its canvas. */
async function openToFirstPage(page: Page, server: GlossServer, id: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${server.origin}/?article=${encodeURIComponent(id)}#token=${server.token}`);
  await page.waitForFunction(() => performance.getEntriesByName('gloss:pdf-page-painted').length > 0, null, {
    timeout: 60_000,
  });
  return page.evaluate(
    () =>
      performance.getEntriesByName('gloss:pdf-page-painted')[0]!.startTime -
      performance.getEntriesByName('gloss:article-request')[0]!.startTime,
  );
}

async function measureOpen(browser: Browser, server: GlossServer, id: string, runs: number) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    const opens: number[] = [];
    const paints: number[] = [];
    for (let r = 0; r <= runs; r++) {
      const ms = await openToFirstPage(page, server, id);
      if (r > 0) opens.push(ms);
      await page.waitForTimeout(1000);
      if (!(await page.evaluate<boolean>(selectAt(0.1 + (0.5 * r) / Math.max(1, runs))))) {
        throw new Error('No text in view to select on the drawn page.');
      }
      await page.waitForTimeout(400);
      await page.evaluate(ARM_HIGHLIGHT);
      await page.keyboard.press('h');
      const painted = await page.evaluate<number>('window.__glossHighlightPainted');
      if (Number.isNaN(painted)) throw new Error('A highlight made with h on a page was not painted.');
      if (r > 0) paints.push(painted);
    }
    return [
      row(
        'PDF pages: open → first page drawn',
        '100 pages',
        'ms',
        opens,
        { op: '<', value: 1500 },
        'getArticle and getPdfSource over HTTP, text layer, pdf.js opens the file and draws page 1',
      ),
      row(
        'PDF pages: h → highlight painted on a page',
        '100 pages',
        'ms',
        paints,
        { op: '<', value: 50 },
        'a selection in the text layer, keydown to the frame showing it',
      ),
    ];
  } finally {
    await page.close();
  }
}

/** Scrolls the page view from the first page to the last, a screen at a time, letting pages draw. */
const SCROLL_THROUGH = `(async () => {
  const scroller = document.querySelector('.reader__scroll');
  let most = 0;
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) {
    scroller.scrollTop += scroller.clientHeight;
    await new Promise((r) => setTimeout(r, 40));
    most = Math.max(most, document.querySelectorAll('canvas.pdf-canvas').length);
  }
  await new Promise((r) => setTimeout(r, 1500));
  return most;
})()`;

async function measureMemory(browser: Browser, server: GlossServer, id: string): Promise<BenchRow[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  try {
    const cdp = await page.context().newCDPSession(page);
    const open = await openToFirstPage(page, server, id);
    await page.waitForTimeout(1000);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
    };
    const opened = await heap();
    const most = await page.evaluate<number>(SCROLL_THROUGH);
    const after = await heap();
    const alive = await page.evaluate(() => {
      const canvases = Array.from(document.querySelectorAll('canvas'));
      const pixels = canvases.reduce((n, c) => n + c.width * c.height, 0);
      return { count: canvases.length, megapixels: pixels / 1e6 };
    });
    const what = '500 pages, scrolled from the first to the last';
    return [
      row(
        'PDF pages: open → first page drawn',
        '500 pages',
        'ms',
        [open],
        { op: '<', value: 3000 },
        'as for 100 pages; the text layer of every page is placed, only page 1 drawn',
      ),
      {
        ...row('PDF pages: renderer JS heap', what, 'MB', [after]),
        note: `${opened.toFixed(1)} MB with page 1 shown; after a GC (canvas pixels are not JS heap)`,
      },
      {
        ...row('PDF pages: canvases alive', what, 'canvases', [alive.count], { op: '<', value: 10 }),
        note: `${alive.megapixels.toFixed(1)} Mpx at the end; at most ${most} at once while scrolling`,
      },
    ];
  } finally {
    await page.close();
  }
}

export async function benchPdfView(input: { hundred: Uint8Array; fiveHundred: Uint8Array; runs: number }) {
  const browser = await launchChromium();
  const server = await startGlossServer({ welcome: false });
  try {
    const hundred = await importPdf(server, 'report.pdf', input.hundred);
    const fiveHundred = await importPdf(server, 'long-report.pdf', input.fiveHundred);
    return [
      ...(await measureOpen(browser, server, hundred, input.runs)),
      ...(await measureMemory(browser, server, fiveHundred)),
    ];
  } finally {
    await server.stop();
    await browser.close();
  }
}
