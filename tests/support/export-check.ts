// What a reader of an exported file sees, judged on each renderer's HTML:
// - the body's visible text equals the article text (whitespace folded; for
//   renderers with typographic quotes, straight and curly quotes fold too),
// - every highlight's letters and digits are inside a mark (a <mark>, or for
//   renderers without one, inside `==` pieces of the visible text), except
//   in code blocks, which cannot hold marks,
// - every footnote reference resolves, and every note is shown,
// - nothing hostile is live: only the elements Markdown itself makes, no
//   event handler or style, no link to anything but http(s)/mailto/#, no image.
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import type { Renderer } from './markdown-renderers';

export interface CheckedHighlight {
  id: string;
  start: number;
  end: number;
  note: string;
  exact: string;
  orphan?: boolean;
}

export interface ExportCase {
  name: string;
  markdown: string;
  /** The article's canonical text; null for a highlights digest (no body to compare). */
  text: string | null;
  highlights: CheckedHighlight[];
}

export interface RendererFinding {
  renderer: string;
  case: string;
  hostile: string[];
  /** null when the body's text is exactly the article's. */
  textMismatch: string | null;
  unmarked: string[];
  unresolvedFootnotes: number;
  missingNotes: string[];
  /** Highlights-mode items whose quote only shows inside code (swallowed by a fence). */
  swallowed: string[];
}

const ALLOWED = new Set(
  (
    'P H1 H2 H3 H4 H5 H6 UL OL LI BLOCKQUOTE PRE CODE EM STRONG A MARK DEL S SUP SUB ' +
    'TABLE THEAD TBODY TR TH TD COL COLGROUP HR BR SECTION DIV SPAN DL DT DD'
  ).split(' '),
);
const BLOCKS = new Set('P H1 H2 H3 H4 H5 H6 LI BLOCKQUOTE PRE TABLE TR TH TD DIV SECTION DT DD HR UL OL'.split(' '));
const BODY_START = '%% gloss:body-start %%';
const BODY_END = '%% gloss:body-end %%';

export function hostileIn(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toUpperCase();
    if (!ALLOWED.has(tag)) found.push(`<${tag.toLowerCase()}>`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${name} on <${tag.toLowerCase()}>`);
      if (name === 'style' && !/^(text-align: \w+|width: [\d.]+%);?$/.test(attr.value.trim()))
        found.push(`style="${attr.value}"`);
      if (name === 'src' || name === 'srcset' || name === 'poster') found.push(`${name}="${attr.value}"`);
      if (name === 'href') {
        // eslint-disable-next-line no-control-regex -- browsers ignore these when reading a scheme
        const href = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        const scheme = /^([a-z][a-z0-9+.-]*):/.exec(href)?.[1];
        if (scheme && !['http', 'https', 'mailto'].includes(scheme)) found.push(`href="${attr.value}"`);
      }
    }
  }
  return found;
}

interface Char {
  c: string;
  mark: boolean;
  code: boolean;
}

const OPEN = '\uE000';
const CLOSE = '\uE001';

function isFootnoteRef(el: Element): boolean {
  if (el.tagName === 'SUP' && el.querySelector('a[href^="#fn"]')) return true;
  return el.tagName === 'A' && (el.getAttribute('href') ?? '').startsWith('#fn') && el.closest('sup') === null;
}

/** The body region's visible characters, with footnote references taken out (and checked). */
function bodyChars(root: DocumentFragment): { chars: Char[]; refs: number; unresolved: number } | null {
  let state: 'before' | 'in' | 'after' = 'before';
  const chars: Char[] = [];
  let mark = 0;
  let code = 0;
  let refs = 0;
  let unresolved = 0;
  const push = (s: string): void => {
    // By UTF-16 unit, as offsets into the article text count.
    for (let i = 0; i < s.length; i++) chars.push({ c: s[i]!, mark: mark > 0, code: code > 0 });
  };
  const visit = (node: Node): void => {
    if (state === 'after') return;
    if (node.nodeType === 3) {
      if (state === 'in') push((node as Text).data);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const text = el.textContent?.trim();
    if (el.tagName === 'P' && text === BODY_START) {
      state = 'in';
      return;
    }
    if (el.tagName === 'P' && text === BODY_END) {
      state = 'after';
      return;
    }
    if (state === 'in') {
      if (isFootnoteRef(el)) {
        refs++;
        const href = el.matches('a') ? el.getAttribute('href')! : el.querySelector('a')!.getAttribute('href')!;
        const id = decodeURIComponent(href.slice(1)).replace(/["\\]/g, '\\$&');
        if (!root.querySelector(`[id="${id}"]`)) unresolved++;
        return;
      }
      if (el.tagName === 'A' && el.getAttribute('title') === 'image') return;
      if (BLOCKS.has(el.tagName) || el.tagName === 'BR') push(' ');
    }
    if (el.tagName === 'MARK' && state === 'in') push(OPEN);
    if (el.tagName === 'MARK') mark++;
    if (el.tagName === 'PRE') code++;
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
    if (el.tagName === 'PRE') code--;
    if (el.tagName === 'MARK') mark--;
    if (el.tagName === 'MARK' && state === 'in') push(CLOSE);
    if (state === 'in' && BLOCKS.has(el.tagName)) push(' ');
  };
  for (let c = root.firstChild; c; c = c.nextSibling) visit(c);
  return state === 'before' ? null : { chars, refs, unresolved };
}

/** Typographic punctuation a `smart` renderer makes, folded back (applied to both sides). */
function fold(c: string, smart: boolean): string {
  if (!smart) return c;
  if (c === '“' || c === '”') return '"';
  if (c === '‘' || c === '’') return "'";
  if (c === '–') return '--';
  if (c === '—') return '---';
  if (c === '…') return '...';
  return c;
}

/** Whitespace collapsed; `index[k]` is the article offset of normalized char k. */
function normalizeExpected(text: string, smart: boolean): { s: string; index: number[] } {
  let s = '';
  const index: number[] = [];
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (!space) {
        s += ' ';
        index.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    for (const f of fold(c, smart).split('')) {
      s += f;
      index.push(i);
    }
  }
  if (s.endsWith(' ')) {
    s = s.slice(0, -1);
    index.pop();
  }
  return { s, index };
}

function normalizeRendered(chars: Char[], smart: boolean): Char[] {
  const out: Char[] = [];
  let space = true;
  for (const ch of chars) {
    if (/\s/.test(ch.c)) {
      if (!space) out.push({ ...ch, c: ' ' });
      space = true;
      continue;
    }
    if (ch.c === OPEN || ch.c === CLOSE) {
      out.push(ch);
      continue;
    }
    space = false;
    for (const f of fold(ch.c, smart).split('')) out.push({ ...ch, c: f });
  }
  while (out.length && (out[out.length - 1]!.c === ' ' || out[out.length - 1]!.c === CLOSE)) {
    if (out[out.length - 1]!.c === ' ') out.pop();
    else break;
  }
  return out;
}

/**
 * Aligns rendered characters to the expected text, where the rendered side may
 * hold extra delimiters (`==` pieces, or <mark> sentinels); returns which
 * expected characters are marked, or where the texts part.
 */
function align(
  expected: string,
  rendered: Char[],
  delimiters: boolean,
): { marked: boolean[]; code: boolean[] } | { mismatchAt: number; renderedAt: number } {
  const r = rendered.map((x) => x.c).join('');
  const n = expected.length;
  const m = r.length;
  // Depth-first over (i, j), preferring a character match to a delimiter.
  const seen = new Set<number>();
  const parent = new Map<number, number>();
  const key = (i: number, j: number): number => i * (m + 1) + j;
  const stack: Array<[number, number]> = [[0, 0]];
  let best = { i: 0, j: 0 };
  seen.add(key(0, 0));
  let done = false;
  // A budget keeps a hopeless comparison from exploring every state.
  for (let budget = 4_000_000; stack.length && budget > 0; budget--) {
    const [i, j] = stack.pop()!;
    if (i > best.i) best = { i, j };
    if (i === n && j === m) {
      done = true;
      break;
    }
    const next: Array<[number, number]> = [];
    const c = r[j];
    if (c === OPEN || c === CLOSE) next.push([i, j + 1]);
    else {
      if (delimiters && r.startsWith('==', j)) next.push([i, j + 2]);
      // A space on one side only (a block edge, a removed footnote reference).
      if (c === ' ' && expected[i] !== ' ') next.push([i, j + 1]);
      if (expected[i] === ' ' && c !== ' ') next.push([i + 1, j]);
      if (i < n && c === expected[i]) next.push([i + 1, j + 1]);
    }
    for (const [a, b] of next) {
      const k = key(a, b);
      if (seen.has(k) || b > m) continue;
      seen.add(k);
      parent.set(k, key(i, j));
      stack.push([a, b]);
    }
  }
  if (!done) return { mismatchAt: best.i, renderedAt: best.j };
  // Walk the path back, then forward, to know what each expected char is inside.
  const path: Array<[number, number]> = [];
  for (let k: number | undefined = key(n, m); k !== undefined; k = parent.get(k)) {
    path.push([Math.floor(k / (m + 1)), k % (m + 1)]);
    if (k === 0) break;
  }
  path.reverse();
  const marked = new Array<boolean>(n).fill(false);
  const code = new Array<boolean>(n).fill(false);
  let open = false;
  for (let p = 1; p < path.length; p++) {
    const [i0, j0] = path[p - 1]!;
    const [i1, j1] = path[p]!;
    if (i1 === i0) {
      if (delimiters && j1 - j0 === 2) open = !open;
      continue;
    }
    if (j1 === j0) continue;
    marked[i0] = delimiters ? open : rendered[j0]!.mark;
    code[i0] = rendered[j0]!.code;
  }
  return { marked, code };
}

// The only raw HTML an export's body holds: <del>, <sub> and <sup>, which a
// renderer with raw HTML off shows as text. Their text is judged without them.
function withoutTagText(chars: Char[]): Char[] {
  const s = chars.map((c) => c.c).join('');
  const keep = new Array<boolean>(chars.length).fill(true);
  for (const m of s.matchAll(/<\/?(?:del|sub|sup)>/g)) for (let k = 0; k < m[0].length; k++) keep[m.index + k] = false;
  return chars.filter((_, k) => keep[k]);
}

const noteRenderer = new MarkdownIt({ html: false });
const words = (s: string): string[] => [...s.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);

export async function checkExports(cases: ExportCase[], renderer: Renderer): Promise<RendererFinding[]> {
  const htmls = await renderer.render(cases.map((c) => c.markdown));
  return cases.map((c, k) => checkOne(c, htmls[k]!, renderer));
}

function checkOne(c: ExportCase, html: string, renderer: Renderer): RendererFinding {
  const root = JSDOM.fragment(html);
  const finding: RendererFinding = {
    renderer: renderer.name,
    case: c.name,
    hostile: hostileIn(root),
    textMismatch: null,
    unmarked: [],
    unresolvedFootnotes: 0,
    missingNotes: [],
    swallowed: [],
  };
  const error = root.querySelector('[data-render-error]');
  if (error) finding.hostile.push(`render error: ${error.textContent?.slice(0, 200)}`);

  const allWords = new Set(words(root.textContent ?? ''));
  for (const h of c.highlights) {
    const noteText = JSDOM.fragment(noteRenderer.render(h.note)).textContent ?? '';
    if (words(noteText).some((w) => !allWords.has(w))) finding.missingNotes.push(h.id);
  }

  if (c.text === null) {
    // A digest: each quote must show as text, not inside code a broken fence opened.
    const clone = root.cloneNode(true) as DocumentFragment;
    clone.querySelectorAll('pre, code').forEach((n) => n.remove());
    const outside = new Set(words(clone.textContent ?? ''));
    for (const h of c.highlights) if (words(h.exact).some((w) => !outside.has(w))) finding.swallowed.push(h.id);
    return finding;
  }

  const body = bodyChars(root);
  if (!body) {
    finding.textMismatch = 'no body markers in the rendered file';
    return finding;
  }
  finding.unresolvedFootnotes = body.unresolved;
  const expected = normalizeExpected(c.text, renderer.smart);
  const rendered = normalizeRendered(renderer.htmlAsText ? withoutTagText(body.chars) : body.chars, renderer.smart);
  const result = align(expected.s, rendered, !renderer.marks);
  if ('mismatchAt' in result) {
    const at = result.mismatchAt;
    const shown = rendered
      .slice(Math.max(0, result.renderedAt - 20), result.renderedAt + 40)
      .map((x) => x.c)
      .join('')
      .replace(/[\uE000\uE001]/g, '|');
    finding.textMismatch = `expected “${expected.s.slice(Math.max(0, at - 20), at + 40)}” but saw “${shown}”`;
    return finding;
  }
  const byOffset = new Map<number, { marked: boolean; code: boolean }>();
  expected.index.forEach((offset, k) => {
    const prev = byOffset.get(offset);
    byOffset.set(offset, {
      marked: (prev?.marked ?? true) && result.marked[k]!,
      code: (prev?.code ?? false) || result.code[k]!,
    });
  });
  for (const h of c.highlights) {
    if (h.orphan) continue;
    for (let i = h.start; i < h.end; i++) {
      if (!/[\p{L}\p{N}]/u.test(c.text[i]!)) continue;
      const at = byOffset.get(i);
      if (at && !at.code && !at.marked) {
        finding.unmarked.push(h.id);
        break;
      }
    }
  }
  return finding;
}
