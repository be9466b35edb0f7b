// Seeded, reproducible test data for the benchmarks: the same seed gives the
// same bytes on every machine, so figures from two runs measure the code, not the input.

import { seededRandom } from '../support/seeded-random';

export { seededRandom };

const WORDS = (
  'the of and to in that was for on with as by at from harbour ledger clerk audit copy port authority record entry ' +
  'column office rail receipt archive page table year report minister council river city court witness evidence ' +
  'contract shipment customs inspector budget deficit election coalition vote policy reform morning evening water ' +
  'bridge market village engineer teacher nurse doctor family garden window letter journey winter summer season'
).split(' ');
const NAMES = ['Amara Okafor', 'Jonas Lindqvist', 'Leila Haddad', 'Tomasz Novak', 'Ines Ferreira', 'Kwame Mensah'];
const PLACES = ['Lagos', 'Geneva', 'Karachi', 'Lisbon', 'Nairobi', 'Osaka', 'Bergen'];

export interface Paragraphs {
  paragraphs: string[];
  words: number;
}

/** Prose-like paragraphs of about `words` words in total. */
export function generateParagraphs(words: number, seed: number): Paragraphs {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const n = 3 + Math.floor(rand() * 4);
    for (let s = 0; s < n; s++) {
      const len = 8 + Math.floor(rand() * 16);
      const ws = Array.from({ length: len }, () => pick(WORDS));
      if (rand() < 0.3) ws[Math.floor(rand() * len)] = pick(NAMES);
      if (rand() < 0.3) ws[Math.floor(rand() * len)] = pick(PLACES);
      ws[0] = ws[0]!.charAt(0).toUpperCase() + ws[0]!.slice(1);
      sentences.push(ws.join(' ') + '.');
      count += len;
    }
    paragraphs.push(sentences.join(' '));
  }
  return { paragraphs, words: count };
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function asText(title: string, p: Paragraphs): string {
  return `${title}\n\n${p.paragraphs.join('\n\n')}\n`;
}

export function asMarkdown(title: string, p: Paragraphs): string {
  return (
    `# ${title}\n\n` +
    p.paragraphs
      .map((para, i) => {
        if (i % 9 === 4) return `## Section ${i}\n\n${para}`;
        if (i % 7 === 3) return `> ${para}`;
        if (i % 11 === 5)
          return para
            .split('. ')
            .slice(0, 3)
            .map((s) => `- ${s}`)
            .join('\n');
        return para.replace(/ (\w+) (\w+) /, ' *$1* **$2** ');
      })
      .join('\n\n') +
    '\n'
  );
}

/** A page as a browser saves it: head metadata, navigation, a sidebar and footer around the article. */
export function asHtmlPage(title: string, p: Paragraphs): string {
  const nav =
    '<nav><ul>' +
    ['Home', 'World', 'Business', 'Culture', 'Opinion']
      .map((x) => `<li><a href="/${x.toLowerCase()}">${x}</a></li>`)
      .join('') +
    '</ul></nav>';
  const body = p.paragraphs
    .map((para, i) => {
      const e = escapeHtml(para);
      if (i % 9 === 4) return `<h2>Section ${i}</h2>\n<p>${e}</p>`;
      if (i % 7 === 3) return `<blockquote><p>${e}</p></blockquote>`;
      return `<p class="body-text">${e.replace(/ (\w+) (\w+) /, ' <em>$1</em> <a href="https://example.org/$2">$2</a> ')}</p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | The Example Post</title>
<meta name="author" content="Bench Writer"><meta property="og:site_name" content="The Example Post">
<meta property="article:published_time" content="2026-03-14T08:00:00Z">
<link rel="stylesheet" href="https://cdn.example.org/site.css"><script src="https://cdn.example.org/app.js"></script>
</head><body><header>${nav}</header>
<main><article><h1>${escapeHtml(title)}</h1><p class="byline">By Bench Writer</p>
${body}
</article></main>
<aside><h3>Most read</h3><ul>${Array.from({ length: 8 }, (_, i) => `<li><a href="/story/${i}">Another story number ${i}</a></li>`).join('')}</ul></aside>
<footer><p>Copyright The Example Post</p></footer></body></html>
`;
}

/**
 * A page as browsers save it: a long article (about 8,000 words) inside a
 * page padded to `bytes` with what news sites carry around it — inline
 * scripts, style sheets, JSON state, navigation and related-story lists.
 */
export function asSavedNewsPage(bytes: number, seed: number): string {
  const article = asHtmlPage('A generated saved news page', generateParagraphs(8000, seed));
  const rand = seededRandom(seed + 1);
  const chunks: string[] = [];
  let size = Buffer.byteLength(article);
  let i = 0;
  while (size < bytes) {
    const id = Math.floor(rand() * 1e9).toString(36);
    const chunk =
      i % 3 === 0
        ? `<script>window.__state_${id}=${JSON.stringify({ id, items: Array.from({ length: 40 }, (_, k) => ({ k, v: id + k })) })};</script>\n`
        : i % 3 === 1
          ? `<style>.c-${id}{margin:0 auto;padding:${i % 17}px;font:16px/1.5 serif}.c-${id}:hover{color:#${id.slice(0, 3)}}</style>\n`
          : `<div class="promo"><ul>${Array.from({ length: 12 }, (_, k) => `<li><a href="/story/${id}-${k}">Related story ${k}</a></li>`).join('')}</ul></div>\n`;
    chunks.push(chunk);
    size += Buffer.byteLength(chunk);
    i++;
  }
  const padding = chunks.join('');
  const half = Math.floor(chunks.length / 2);
  return article
    .replace('</head>', `${chunks.slice(0, half).join('')}</head>`)
    .replace('</footer>', `</footer>${padding.length ? chunks.slice(half).join('') : ''}`);
}

/** Grows paragraphs until the rendered file is at least `bytes` long. */
export function documentOfBytes(bytes: number, seed: number, render: (p: Paragraphs) => string): string {
  let words = Math.max(200, Math.floor(bytes / 7));
  for (;;) {
    const out = render(generateParagraphs(words, seed));
    if (Buffer.byteLength(out) >= bytes) return out;
    words = Math.ceil(words * 1.15);
  }
}
