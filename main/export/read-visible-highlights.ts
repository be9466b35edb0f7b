// Fallback for a full-mode export whose `%% gloss:data` block was deleted:
// recovers highlights from what is visible. Each run of `==marked==` text
// becomes one highlight; a footnote right after it gives its color, tags and
// note (the meta line, then the note). Overlapping highlights, and plain
// yellow ones that touch, cannot be told apart this way: that is what the data
// block is for.
import MarkdownIt from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import markPlugin from 'markdown-it-mark';
import { parseBody } from './parse-html';
import type { HighlightColor } from '../model/contract';

export interface VisibleHighlight {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: HighlightColor;
  tags: string[];
  note: string;
}

const CONTAINERS = new Set(['BODY', 'UL', 'OL', 'BLOCKQUOTE', 'SECTION', 'LI', 'TABLE', 'THEAD', 'TBODY', 'TR']);
const BLOCKS = new Set(['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE', 'TD', 'TH']);

/**
 * `body` is the Markdown between the body markers; `footnote(n)` returns the
 * unindented text of footnote n (meta line first) or null.
 */
export function readVisibleHighlights(
  body: string,
  footnote: (n: number) => string | null,
  parseMeta: (line: string) => { color: HighlightColor; tags: string[] } | null,
): VisibleHighlight[] {
  const md = new MarkdownIt({ html: false }).use(markPlugin).use(footnotePlugin);
  // Footnote references only render with a definition; stubs suffice here.
  const refs = [...new Set([...body.matchAll(/\[\^(\d+)\]/g)].map((m) => m[1]))];
  const root = parseBody(md.render(`${body}\n\n${refs.map((n) => `[^${n}]: .`).join('\n\n')}\n`));
  let text = '';
  const runs: Array<{ start: number; end: number; footnotes: number[]; link: Element | null }> = [];
  let link: Element | null = null;
  let inMark = 0;
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      // markdown-it's newlines between blocks are not text.
      if (!data.trim() && CONTAINERS.has((node.parentNode as Element | null)?.tagName ?? 'BODY')) return;
      if (inMark > 0) {
        const last = runs[runs.length - 1];
        // Marks split only by whitespace, formatting or a block break (how the
        // exporter cuts one highlight into pieces) are one run until a footnote ends it.
        if (last && !last.footnotes.length && text.slice(last.end).trim() === '') last.end = text.length + data.length;
        else runs.push({ start: text.length, end: text.length + data.length, footnotes: [], link });
      }
      text += data;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el.tagName === 'SECTION' && el.classList.contains('footnotes')) return;
    if (el.tagName === 'SUP' && el.classList.contains('footnote-ref')) {
      const n = Number(/\d+/.exec(el.querySelector('a')?.getAttribute('href') ?? '')?.[0]);
      const last = runs[runs.length - 1];
      // The exporter puts a footnote right after its mark, or after the link the mark is in.
      let prev = el.previousSibling;
      while (prev && prev.nodeType === 3 && !(prev as Text).data.trim()) prev = prev.previousSibling;
      const after = last && (text.slice(last.end).trim() === '' || (last.link !== null && prev === last.link));
      if (last && after && Number.isFinite(n)) last.footnotes.push(n);
      return;
    }
    if (BLOCKS.has(el.tagName) && text && !text.endsWith('\n\n')) text += '\n\n';
    const outerLink = link;
    if (el.tagName === 'A') link = el;
    if (el.tagName === 'MARK') inMark++;
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
    if (el.tagName === 'MARK') inMark--;
    link = outerLink;
  };
  visit(root);

  const out: VisibleHighlight[] = [];
  for (const run of runs) {
    const base = {
      start: run.start,
      end: run.end,
      exact: text.slice(run.start, run.end),
      prefix: text.slice(Math.max(0, run.start - 32), run.start),
      suffix: text.slice(run.end, run.end + 32),
    };
    if (!base.exact.trim()) continue;
    if (!run.footnotes.length) out.push({ ...base, color: 'yellow', tags: [], note: '' });
    for (const n of run.footnotes) {
      const [first = '', ...rest] = (footnote(n) ?? '').split('\n');
      const meta = parseMeta(first);
      out.push({
        ...base,
        color: meta?.color ?? 'yellow',
        tags: meta?.tags ?? [],
        note: (meta ? rest.join('\n') : [first, ...rest].join('\n')).trim(),
      });
    }
  }
  return out;
}
