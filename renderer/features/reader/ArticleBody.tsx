import { memo, useLayoutEffect, useRef } from 'react';
import { getTextIndex } from '../../highlights/text-offsets';
import { hasPageGeometry } from '../pdf/text-layer';
import { chunkLongBody } from './chunk-body';
import { sanitizeArticleHtml } from './sanitize-article';

interface Props {
  articleId: string;
  /** The title shown above the body; a heading that merely repeats it at the top of the body is hidden. */
  title: string;
  html: string;
  text: string;
  /** Called with the freshly inserted element (a new one each time the HTML changes). */
  onRoot: (root: HTMLElement | null) => void;
}

function normalize(value: string): string {
  return value.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Many pages (and most Markdown files) open with the title as a heading. The
 * header already shows it, so the copy is hidden — not removed: it is part of
 * the canonical text, and offsets must not move.
 */
function hideRepeatedTitle(root: HTMLElement, title: string): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode() as HTMLElement | null; node; node = walker.nextNode() as HTMLElement | null) {
    if ((node.textContent ?? '').trim() === '') continue;
    if (/^H[1-2]$/.test(node.tagName) && normalize(node.textContent ?? '') === normalize(title)) {
      node.classList.add('article-body__repeated-title');
    }
    // Only the first element with text can be the repeated title; wrappers (a div around everything) are passed through.
    if (node.children.length === 0 || /^H[1-6]$/.test(node.tagName) || node.tagName === 'P') return;
  }
}

/** About 20,000 words: beyond this, laying out the whole article before the first paint costs too much; it goes in chunks. */
const LONG_ARTICLE_CHARS = 120_000;

/**
 * The article's body. React renders only an empty host; the sanitized
 * fragment goes in through the DOM and React never touches it again, so the
 * features may wrap text in <mark> without fighting reconciliation.
 */
export const ArticleBody = memo(function ArticleBody({ articleId, title, html, text, onRoot }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const onRootRef = useRef(onRoot);
  useLayoutEffect(() => {
    onRootRef.current = onRoot;
  });

  useLayoutEffect(() => {
    const container = host.current;
    if (!container) return;
    const root = document.createElement('div');
    root.className = 'article-body';
    root.append(sanitizeArticleHtml(html));
    // Long reads lay out lazily, a chunk at a time; short ones keep exact geometry everywhere. A PDF
    // with its pages' geometry is not chunked: each page is a box of known size that skips its own
    // layout while far from the view (pdf.css), and chunks would break the pages' column.
    const long = !hasPageGeometry(html) && chunkLongBody(root, LONG_ARTICLE_CHARS, text.length) > 0;
    container.replaceChildren(root);
    // A long body is checked by length (from the text index the highlights use, built here once):
    // its whole text as one string would cost more than inserting it.
    if (long ? getTextIndex(root).length !== text.length : root.textContent !== text) {
      console.warn(
        `Gloss: the body of article ${articleId} does not match its canonical text after sanitizing; highlights may land in the wrong place.`,
      );
    }
    hideRepeatedTitle(root, title);
    onRootRef.current(root);
    return () => {
      onRootRef.current(null);
    };
    // The title is read once per insertion; renaming the article must not re-insert the body.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId, html, text]);

  return <div ref={host} className="article-body-host" />;
});
