// Test support: renders exported Markdown the way a reader would see it
// (markdown-it + ==mark== + footnotes) and extracts what the tests compare.
import MarkdownIt from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import markPlugin from 'markdown-it-mark';
import { JSDOM } from 'jsdom';
import { BODY_END, BODY_START } from '../../main/export/markdown-export';

/** `html: true` so any raw HTML that slipped through would show up as elements. */
export function renderMarkdownHtml(markdown: string, html = false): string {
  const md = new MarkdownIt({ html }).use(markPlugin).use(footnotePlugin);
  if (html) md.validateLink = () => true; // judge our own neutralising, not markdown-it's
  return md.render(markdown);
}

export function renderMarkdown(markdown: string, html = false): DocumentFragment {
  return JSDOM.fragment(renderMarkdownHtml(markdown, html));
}

/** The body region of a full-mode export plus its footnote definitions. */
export function bodyAndFootnotes(markdown: string): string {
  const start = markdown.indexOf(BODY_START);
  const end = markdown.indexOf(BODY_END);
  const rest = markdown.slice(end + BODY_END.length);
  const defs = rest.split('\n\n## ')[0]!.split('\n%% gloss:data')[0]!;
  return markdown.slice(start + BODY_START.length, end) + '\n' + defs;
}

export const normalize = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Rendered body text with footnote references, footnotes and image links removed. */
export function renderedBodyText(markdown: string): string {
  const frag = renderMarkdown(bodyAndFootnotes(markdown));
  frag
    .querySelectorAll('sup.footnote-ref, section.footnotes, hr.footnotes-sep, a[title="image"]')
    .forEach((n) => n.remove());
  // Block boundaries are whitespace in the canonical text.
  frag.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, pre, blockquote').forEach((n) => n.after(' '));
  return normalize(frag.textContent ?? '');
}
