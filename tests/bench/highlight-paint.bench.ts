// Paint cost of 1,000 highlights over a 120,000-character article in headless
// Chromium: the CSS Custom Highlight layer (renderer/highlights) against mark.js
// markRanges on the same ranges. Called by the bench runner: `await bench()`.
//
// The page is served from memory through page.route; the highlight modules are
// transpiled with TypeScript on the fly, so nothing needs building first.
// Ranges do not overlap, because mark.js skips overlapping ranges (the layer
// paints them either way).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../support/chromium';
import ts from 'typescript';
import { syntheticArticle } from './bench-annotations';

export interface HighlightPaintFigures {
  chars: number;
  highlights: number;
  runs: number;
  /** Medians over `runs` fresh page loads, in ms. */
  articleToFrameMs: number;
  css: { scriptMs: number; toFrameMs: number; upsertOneMs: number; upsertOneToFrameMs: number; hitTestMs: number };
  markjs: { scriptMs: number; toFrameMs: number; marked: number };
  idleFrameMs: number;
  chromium: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
const ORIGIN = 'http://gloss-bench.local';
const MODULES = ['text-offsets', 'interval-index', 'highlight-styles', 'highlight-layer', 'hit-test'];

/** The model layer's contract, which the highlight modules take the color list from. */
const CONTRACT = 'main/model/contract';

function transpiled(name: string): string {
  const file = name === CONTRACT ? `${CONTRACT}.ts` : join('renderer', 'highlights', `${name}.ts`);
  const source = readFileSync(join(REPO, file), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  // Bundler-style imports have no extension; the browser needs one.
  return js
    .replace(/from '\.\.\/\.\.\/main\/model\/contract'/g, "from '/model/contract.js'")
    .replace(/from '(\.\/[\w-]+)'/g, "from '$1.js'");
}

/** The article as sanitized HTML would look: paragraphs with some links and emphasis. */
function articleHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return text
    .split('\n')
    .map((p, i) => {
      const words = esc(p).split(' ');
      if (words.length > 12) {
        words[3] = `<em>${words[3]}</em>`;
        words[8] = i % 2 ? `<a href="#p${i}">${words[8]}</a>` : `<strong>${words[8]}</strong>`;
      }
      return `<p>${words.join(' ')}</p>`;
    })
    .join('\n');
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { font: 19px/1.65 Georgia, serif; margin: 0; }
  #article { max-width: 65ch; margin: 0 auto; padding: 24px; white-space: normal; }
  mark { background: rgb(255 212 0 / 0.42); color: inherit; }
</style>
<script src="/mark.min.js"></script>
<script type="module">
  import * as layer from '/hl/highlight-layer.js';
  import * as hit from '/hl/hit-test.js';
  window.hl = { ...layer, ...hit };
  window.hlReady = true;
</script></head><body><div id="article"></div></body></html>`;

const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

function ranges(chars: number, count: number) {
  const step = Math.floor(chars / count);
  return Array.from({ length: count }, (_, i) => {
    const start = i * step + (i % 7);
    return { id: `h${i}`, start, end: start + 20 + ((i * 37) % Math.max(1, step - 30)), color: COLORS[i % 5]! };
  });
}

async function freshPage(page: Page, html: string): Promise<void> {
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => (window as unknown as { hlReady?: boolean }).hlReady === true);
  await page.evaluate((h) => {
    (window as unknown as { articleHtml: string }).articleHtml = h;
  }, html);
}

// In-page helpers are plain strings so the page, not tsx, compiles them.
const NEXT_FRAME = `() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))`;

async function measureArticle(page: Page): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const nextFrame = ${NEXT_FRAME};
    await nextFrame();
    const root = document.getElementById('article');
    const t0 = performance.now();
    root.innerHTML = window.articleHtml;
    void root.offsetHeight;
    await nextFrame();
    return performance.now() - t0;
  })()`);
}

async function measureIdleFrame(page: Page): Promise<number> {
  return page.evaluate<number>(`(async () => {
    const nextFrame = ${NEXT_FRAME};
    await nextFrame();
    const t0 = performance.now();
    await nextFrame();
    return performance.now() - t0;
  })()`);
}

type CssRun = HighlightPaintFigures['css'];
type MarkRun = HighlightPaintFigures['markjs'];

async function measureCss(page: Page, specs: ReturnType<typeof ranges>): Promise<CssRun> {
  return page.evaluate<CssRun>(
    `(async (specs) => {
      const nextFrame = ${NEXT_FRAME};
      const root = document.getElementById('article');
      root.innerHTML = window.articleHtml;
      void root.offsetHeight;
      await nextFrame();
      const t0 = performance.now();
      const layer = window.hl.createHighlightLayer(root);
      layer.set(specs);
      const t1 = performance.now();
      await nextFrame();
      const t2 = performance.now();
      await nextFrame();
      const extra = { id: 'new', start: 500, end: 560, color: 'green' };
      const t3 = performance.now();
      layer.upsert(extra);
      const t4 = performance.now();
      await nextFrame();
      const t5 = performance.now();
      // Hit tests on points inside the first visible highlights.
      let hits = 0;
      const t6 = performance.now();
      for (let i = 0; i < 100; i++) {
        const r = layer.rangeOf(specs[i % 5].id).getClientRects()[0];
        if (!r) continue;
        hits += window.hl.hitTest(root, r.left + 2, r.top + r.height / 2).length;
      }
      const t7 = performance.now();
      if (!layer.supported || hits === 0) throw new Error('CSS highlights did not paint or hit');
      return { scriptMs: t1 - t0, toFrameMs: t2 - t0, upsertOneMs: t4 - t3, upsertOneToFrameMs: t5 - t3, hitTestMs: (t7 - t6) / 100 };
    })(${JSON.stringify(specs)})`,
  );
}

async function measureMark(page: Page, specs: ReturnType<typeof ranges>): Promise<MarkRun> {
  return page.evaluate<MarkRun>(
    `(async (specs) => {
      const nextFrame = ${NEXT_FRAME};
      const root = document.getElementById('article');
      root.innerHTML = window.articleHtml;
      void root.offsetHeight;
      await nextFrame();
      const t0 = performance.now();
      new Mark(root).markRanges(specs.map((s) => ({ start: s.start, length: s.end - s.start })), { element: 'mark' });
      void root.offsetHeight;
      const t1 = performance.now();
      await nextFrame();
      const t2 = performance.now();
      return { scriptMs: t1 - t0, toFrameMs: t2 - t0, marked: root.querySelectorAll('mark').length };
    })(${JSON.stringify(specs)})`,
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 100) / 100;
};

export async function bench(
  options: { chars?: number; highlights?: number; runs?: number } = {},
): Promise<HighlightPaintFigures> {
  const chars = options.chars ?? 120_000;
  const count = options.highlights ?? 1000;
  const runs = options.runs ?? 5;
  const text = syntheticArticle(chars);
  const html = articleHtml(text);
  const specs = ranges(text.length, count);
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const markJs = readFileSync(join(REPO, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
    const modules = new Map(MODULES.map((m) => [`/hl/${m}.js`, transpiled(m)]));
    modules.set('/model/contract.js', transpiled(CONTRACT));
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: PAGE });
      if (path === '/mark.min.js') return route.fulfill({ contentType: 'text/javascript', body: markJs });
      const mod = modules.get(path);
      if (mod) return route.fulfill({ contentType: 'text/javascript', body: mod });
      return route.fulfill({ status: 404, body: '' });
    });

    const article: number[] = [];
    const idle: number[] = [];
    const css: CssRun[] = [];
    const mark: MarkRun[] = [];
    for (let r = 0; r < runs; r++) {
      await freshPage(page, html);
      idle.push(await measureIdleFrame(page));
      article.push(await measureArticle(page));
      await freshPage(page, html);
      css.push(await measureCss(page, specs));
      await freshPage(page, html);
      mark.push(await measureMark(page, specs));
    }
    // Sanity: the layer and mark.js see the same text as the canonical one.
    const same = await page.evaluate((t) => document.getElementById('article')!.textContent === t, text);
    if (!same) throw new Error('The bench article’s DOM text differs from its canonical text.');
    return {
      chars: text.length,
      highlights: count,
      runs,
      articleToFrameMs: median(article),
      css: {
        scriptMs: median(css.map((c) => c.scriptMs)),
        toFrameMs: median(css.map((c) => c.toFrameMs)),
        upsertOneMs: median(css.map((c) => c.upsertOneMs)),
        upsertOneToFrameMs: median(css.map((c) => c.upsertOneToFrameMs)),
        hitTestMs: median(css.map((c) => c.hitTestMs)),
      },
      markjs: {
        scriptMs: median(mark.map((m) => m.scriptMs)),
        toFrameMs: median(mark.map((m) => m.toFrameMs)),
        marked: mark[0]?.marked ?? 0,
      },
      idleFrameMs: median(idle),
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
  }
}
