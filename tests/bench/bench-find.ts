// Find in article: mark.js marking every match of a term in a 120,000-character
// article, in headless Chromium, to the next painted frame; then clearing them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticArticle } from './bench-annotations';
import { launchChromium } from './browser';
import { row, type BenchRow } from './report';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const MEASURE = (term: string): string => `(async () => {
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const root = document.getElementById('article');
  root.innerHTML = window.articleHtml;
  void root.offsetHeight;
  await nextFrame();
  const mark = new Mark(root);
  const t0 = performance.now();
  let count = 0;
  await new Promise((done) => mark.mark(${JSON.stringify(term)}, { separateWordSearch: false, acrossElements: true, done: (n) => { count = n; done(); } }));
  void root.offsetHeight;
  await nextFrame();
  const t1 = performance.now();
  await new Promise((done) => mark.unmark({ done }));
  void root.offsetHeight;
  const t2 = performance.now();
  return { markMs: t1 - t0, unmarkMs: t2 - t1, count };
})()`;

export async function benchFind(repo: string, runs = 5): Promise<BenchRow[]> {
  const text = syntheticArticle(120_000);
  const html = text
    .split('\n')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
  // A word that recurs through the article, and a phrase that occurs once.
  const words = text.split(/\s+/);
  const counts = new Map<string, number>();
  for (const w of words) if (/^[a-z]{4,}$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const frequent = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const rare = words.slice(Math.floor(words.length / 2), Math.floor(words.length / 2) + 3).join(' ');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.setContent(
      '<!doctype html><meta charset="utf-8"><body style="font: 19px/1.6 Georgia, serif"><div id="article" style="max-width: 65ch; margin: auto"></div></body>',
    );
    await page.addScriptTag({
      content: readFileSync(join(repo, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8'),
    });
    await page.evaluate(`window.articleHtml = ${JSON.stringify(html)}`);
    const rows: BenchRow[] = [];
    for (const [label, term] of [
      ['frequent word', frequent],
      ['phrase found once', rare],
    ] as const) {
      const mark: number[] = [];
      const unmark: number[] = [];
      let count = 0;
      for (let r = 0; r <= runs; r++) {
        const m = await page.evaluate<{ markMs: number; unmarkMs: number; count: number }>(MEASURE(term));
        if (r === 0) continue;
        mark.push(m.markMs);
        unmark.push(m.unmarkMs);
        count = m.count;
      }
      const size = `${text.length.toLocaleString('en-US')} chars, ${label} (${count.toLocaleString('en-US')} match${count === 1 ? '' : 'es'})`;
      rows.push(row('Find in article: mark.js mark → painted', size, 'ms', mark, undefined, 'no target in the issues'));
      rows.push(row('Find in article: clear (unmark)', size, 'ms', unmark));
    }
    return rows;
  } finally {
    await browser.close();
  }
}
