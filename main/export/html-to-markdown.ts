// The article body (sanitized HTML) as clean Markdown, via turndown.
//
// Highlight marks arrive as private-use sentinel characters already placed in
// the DOM text (see highlight-sentinels.ts); turndown never escapes them and
// mark-delimiters.ts turns them into `==` and `[^n]` afterwards, so the
// article's own formatting survives around and inside every highlight.
import TurndownService from 'turndown';
import { escapeInlineLine, escapeLinkDestination, escapeMarkdownText, isSafeHref } from './markdown-escape';

let service: TurndownService | null = null;

function createService(): TurndownService {
  const td = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '---',
  });
  td.escape = (text: string) => escapeMarkdownText(text);
  td.remove(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed']);

  td.addRule('safe-link', {
    filter: 'a',
    replacement: (content, node) => {
      const href = (node as Element).getAttribute('href');
      // Markdown links cannot hold blocks (`<a><div>…</div></a>`): keep the content, drop the link.
      if (!href || !content.trim() || !isSafeHref(href, true) || /\n\s*\n/.test(content)) return content;
      return `[${content}](<${escapeLinkDestination(href)}>)`;
    },
  });

  // Images become links, so nothing remote loads when the file is opened;
  // the "image" title marks them so read-exported-markdown can restore `![]()`.
  // Destinations go in `<…>`: pandoc's gfm reader loses a later footnote after a bare one.
  td.addRule('image-as-link', {
    filter: 'img',
    replacement: (_content, node) => {
      const el = node as Element;
      const src = el.getAttribute('src') ?? '';
      if (!isSafeHref(src, true) || el.closest('a')) return '';
      const alt = escapeInlineLine(el.getAttribute('alt') ?? '') || 'image';
      return `[${alt}](<${escapeLinkDestination(src)}> "image")`;
    },
  });

  // turndown pads markers to four columns (`-   item`); one space reads better and is still CommonMark.
  td.addRule('tight-list-item', {
    filter: 'li',
    replacement: (content, node) => {
      const el = node as Element;
      const parent = el.parentNode as Element | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number.parseInt(parent.getAttribute('start') ?? '1', 10);
        prefix = `${(Number.isFinite(start) ? start : 1) + itemsBefore(el)}. `;
      }
      const isParagraph = /\n$/.test(content);
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '') + (isParagraph ? '\n' : '');
      return prefix + body.replace(/\n/g, '\n' + ' '.repeat(prefix.length)) + (el.nextSibling ? '\n' : '');
    },
  });

  // <del>, <sub> and <sup> have no Markdown syntax every renderer reads; the
  // bare tags are what Obsidian, pandoc, Python-Markdown and mistune all render.
  td.addRule('inline-meaning', {
    filter: (n) => ['DEL', 'S', 'STRIKE', 'SUB', 'SUP'].includes(n.nodeName),
    replacement: (content, node) => {
      if (!content.trim()) return content;
      const tag = node.nodeName === 'SUB' ? 'sub' : node.nodeName === 'SUP' ? 'sup' : 'del';
      return `<${tag}>${content}</${tag}>`;
    },
  });

  // Emphasis at the edge of strong text (`**bold *italic***`) is written with
  // `_` so that no renderer has to split a run of three stars.
  td.addRule('emphasis', {
    filter: ['em', 'i'],
    replacement: (content, node) => {
      if (!content.trim()) return content;
      const d = atEdgeOf(node as Element, ['STRONG', 'B']) ? '_' : '*';
      return d + content + d;
    },
  });
  td.addRule('strong', {
    filter: ['strong', 'b'],
    replacement: (content, node) => {
      if (!content.trim()) return content;
      const d = atEdgeOf(node as Element, ['EM', 'I']) ? '__' : '**';
      return d + content + d;
    },
  });

  addTableRules(td);

  td.addRule('fenced-pre', {
    filter: 'pre',
    replacement: (_content, node) => {
      const el = node as Element;
      const code = el.textContent ?? '';
      const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      const cls = el.querySelector('code')?.getAttribute('class') ?? '';
      const lang = /language-([\w+-]+)/.exec(cls)?.[1] ?? '';
      return `\n\n${fence}${lang}\n${code.replace(/\n$/, '')}\n${fence}\n\n`;
    },
  });
  return td;
}

const SENTINELS = /^[\uE000-\uE003\d\s]*$/;

/** True when `el` is the first or last thing (sentinels aside) inside a parent of one of `tags`. */
function atEdgeOf(el: Element, tags: string[]): boolean {
  const parent = el.parentNode as Element | null;
  if (!parent || !tags.includes(parent.nodeName)) return false;
  const inert = (n: Node | null): boolean => n !== null && n.nodeType === 3 && SENTINELS.test(n.textContent ?? '');
  let prev = el.previousSibling;
  while (inert(prev)) prev = prev!.previousSibling;
  let next = el.nextSibling;
  while (inert(next)) next = next!.nextSibling;
  return !prev || !next;
}

/** GFM tables (which pandoc, Python-Markdown, mistune and Obsidian read too) for simple tables. */
function addTableRules(td: TurndownService): void {
  const simple = (table: Element): boolean =>
    !table.querySelector('table') &&
    !Array.from(table.querySelectorAll('td, th')).some((c) => c.hasAttribute('colspan') || c.hasAttribute('rowspan'));
  const tableOf = (n: Node): Element | null => (n as Element).closest?.('table') ?? null;
  td.addRule('table-cell', {
    filter: (n) => (n.nodeName === 'TD' || n.nodeName === 'TH') && simple(tableOf(n)!),
    replacement: (content) => ` ${content.replace(/\s*\n\s*/g, ' ').trim()} |`,
  });
  td.addRule('table-row', {
    filter: (n) => n.nodeName === 'TR' && simple(tableOf(n)!),
    replacement: (content, node) => {
      const table = tableOf(node)!;
      const rows = Array.from(table.querySelectorAll('tr'));
      const line = `|${content}\n`;
      if (rows[0] !== node) return line;
      const columns = Math.max(...rows.map((r) => r.querySelectorAll('td, th').length));
      const cells = (node as Element).querySelectorAll('td, th').length;
      return `|${content}${' |'.repeat(Math.max(0, columns - cells))}\n|${' --- |'.repeat(columns)}\n`;
    },
  });
  td.addRule('table-section', {
    filter: (n) => ['THEAD', 'TBODY', 'TFOOT'].includes(n.nodeName) && simple(tableOf(n)!),
    replacement: (content) => content,
  });
  td.addRule('table', {
    filter: (n) => n.nodeName === 'TABLE' && simple(n as Element),
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
}

/** Converts a DOM node (already carrying sentinels) to Markdown. */
export function domToMarkdown(root: Node): string {
  service ??= createService();
  // turndown's types predate DocumentFragment support; it accepts node types 1, 9 and 11.
  return service.turndown(root as unknown as HTMLElement);
}

const itemIndexes = new WeakMap<Node, Map<Node, number>>();

/**
 * Element siblings before `el`, counted once per list: jsdom's `children` proxy costs O(n) per read, so
 * numbering a long list through it was quadratic.
 */
function itemsBefore(el: Element): number {
  const parent = el.parentNode!;
  let indexes = itemIndexes.get(parent);
  if (!indexes) {
    indexes = new Map();
    let i = 0;
    for (let c = parent.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) indexes.set(c, i++);
    itemIndexes.set(parent, indexes);
  }
  return indexes.get(el) ?? 0;
}
