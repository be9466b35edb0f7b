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
      return `[${content}](${escapeLinkDestination(href)})`;
    },
  });

  // Images become links, so nothing remote loads when the file is opened;
  // the "image" title marks them so read-exported-markdown can restore `![]()`.
  td.addRule('image-as-link', {
    filter: 'img',
    replacement: (_content, node) => {
      const el = node as Element;
      const src = el.getAttribute('src') ?? '';
      if (!isSafeHref(src, true) || el.closest('a')) return '';
      const alt = escapeInlineLine(el.getAttribute('alt') ?? '') || 'image';
      return `[${alt}](${escapeLinkDestination(src)} "image")`;
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
        prefix = `${(Number.isFinite(start) ? start : 1) + Array.prototype.indexOf.call(parent.children, el)}. `;
      }
      const isParagraph = /\n$/.test(content);
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '') + (isParagraph ? '\n' : '');
      return prefix + body.replace(/\n/g, '\n' + ' '.repeat(prefix.length)) + (el.nextSibling ? '\n' : '');
    },
  });

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

/** Converts a DOM node (already carrying sentinels) to Markdown. */
export function domToMarkdown(root: Node): string {
  service ??= createService();
  // turndown's types predate DocumentFragment support; it accepts node types 1, 9 and 11.
  return service.turndown(root as unknown as HTMLElement);
}
