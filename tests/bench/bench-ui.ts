// The real UI in browser mode (the `serve` server, the built renderer, Debian's
// Chromium): library view with 1,000 and 10,000 articles, and opening articles
// to first paint of text and to all highlights painted.
import type { Browser, Page } from '@playwright/test';
import { startGlossServer, type GlossServer } from '../support/gloss-server';
import { launchChromium } from './browser';
import { row, type BenchRow, type Target } from './report';
import { measureSearchTyping } from './bench-ui-search';
import { UI_PROBE, waitForStamp as stamps } from './ui-probe';

export interface UiBenchInput {
  /** A library of 1,000 articles holding the special articles below. */
  library1k: string;
  /** Null skips the 10,000-article figures (--quick). */
  library10k: string | null;
  bigArticleId: string;
  bigArticleWords: number;
  highlighted: Array<{ id: string; chars: number; highlights: number }>;
  runs: number;
}

async function visit(page: Page, server: GlossServer, search: string, expectHighlights = -1): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${server.origin}/${search}#token=${server.token}`);
  if (expectHighlights >= 0) {
    await page.evaluate(`window.__glossBench.expectHighlights = ${expectHighlights}`);
  }
}

async function measureLibrary(
  browser: Browser,
  dir: string,
  count: number,
  runs: number,
  target?: Target,
): Promise<BenchRow[]> {
  const server = await startGlossServer({ libraryDir: dir, welcome: false });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.addInitScript(UI_PROBE);
  try {
    const fromRequest: number[] = [];
    const fromNavigation: number[] = [];
    for (let r = 0; r <= runs; r++) {
      await visit(page, server, '');
      const s = await stamps(page, 'list', 'gloss:library-request');
      if (s.at === null) throw new Error(`The library list of ${count} articles did not appear.`);
      const rows = await page.locator('ul[aria-label="Articles"] > li').count();
      if (rows === 0) throw new Error('The library list is empty.');
      if (r === 0) continue; // warm-up: server caches, Chromium's compile cache
      fromRequest.push(s.at - s.from);
      fromNavigation.push(s.at);
    }
    const size = `${count.toLocaleString('en-US')} articles`;
    return [
      row(
        `Library view: request → list painted`,
        size,
        'ms',
        fromRequest,
        target,
        'listArticles over HTTP, React render, first frame',
      ),
      row(`Library view: navigation → list painted`, size, 'ms', fromNavigation, undefined, 'includes loading the app'),
    ];
  } finally {
    await page.close();
    await server.stop();
  }
}

async function measureArticles(browser: Browser, input: UiBenchInput): Promise<BenchRow[]> {
  const server = await startGlossServer({ libraryDir: input.library1k, welcome: false });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.addInitScript(UI_PROBE);
  const rows: BenchRow[] = [];
  try {
    const big: number[] = [];
    for (let r = 0; r <= input.runs; r++) {
      await visit(page, server, `?article=${input.bigArticleId}`);
      const s = await stamps(page, 'text', 'gloss:article-request');
      if (s.at === null) throw new Error('The 100,000-word article did not paint.');
      if (r > 0) big.push(s.at - s.from);
    }
    rows.push(
      row(
        'Open article: request → text painted (issue 2)',
        `${input.bigArticleWords.toLocaleString('en-US')} words`,
        'ms',
        big,
        { op: '<', value: 500 },
        'getArticle over HTTP, sanitize, insert, first frame',
      ),
    );

    for (const h of input.highlighted) {
      const text: number[] = [];
      const gap: number[] = [];
      let painted = true;
      for (let r = 0; r <= input.runs; r++) {
        await visit(page, server, `?article=${h.id}`, h.highlights);
        const t = await stamps(page, 'text', 'gloss:article-request');
        if (t.at === null) throw new Error(`Article ${h.id} did not paint.`);
        const hl = await stamps(page, 'highlights', 'gloss:article-request', h.highlights > 0 ? 5_000 : 1_000);
        if (r === 0) continue;
        text.push(t.at - t.from);
        if (hl.at === null) painted = false;
        else gap.push(Math.max(0, hl.at - t.at));
      }
      const size = `${h.chars.toLocaleString('en-US')} chars, ${h.highlights.toLocaleString('en-US')} highlights`;
      rows.push(row('Open article: request → text painted', size, 'ms', text));
      if (h.highlights > 0) {
        if (painted)
          rows.push(
            row(
              'Open article: text → all highlights painted',
              size,
              'ms',
              gap,
              { op: '<', value: 50 },
              'real reader UI',
            ),
          );
        else
          rows.push({
            ...row('Open article: text → all highlights painted', size, 'ms', [Number.NaN]),
            note: 'the reader did not paint the highlights',
          });
      }
    }
    return rows;
  } finally {
    await page.close();
    await server.stop();
  }
}

export async function benchUi(input: UiBenchInput): Promise<BenchRow[]> {
  const browser = await launchChromium();
  try {
    return [
      ...(await measureLibrary(browser, input.library1k, 1000, input.runs, { op: '<', value: 300 })),
      ...(input.library10k ? await measureLibrary(browser, input.library10k, 10_000, input.runs) : []),
      ...(await measureSearchTyping(
        browser,
        input.library10k ?? input.library1k,
        input.library10k ? '10,000 articles (the UI library)' : '1,000 articles (the UI library)',
        Math.min(input.runs, 3),
      )),
      ...(await measureArticles(browser, input)),
    ];
  } finally {
    await browser.close();
  }
}
