import { memo, useLayoutEffect, useRef } from 'react';
import { sanitizeArticleHtml } from './sanitize-article';

interface Props {
  articleId: string;
  html: string;
  text: string;
  /** Called with the freshly inserted element (a new one each time the HTML changes). */
  onRoot: (root: HTMLElement | null) => void;
}

/** About 20,000 words: beyond this, laying out the whole article before the first paint costs too much. */
const LONG_ARTICLE_CHARS = 120_000;

/**
 * The article's body. React renders only an empty host; the sanitized
 * fragment goes in through the DOM and React never touches it again, so the
 * features may wrap text in <mark> without fighting reconciliation.
 */
export const ArticleBody = memo(function ArticleBody({ articleId, html, text, onRoot }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const onRootRef = useRef(onRoot);
  useLayoutEffect(() => {
    onRootRef.current = onRoot;
  });

  useLayoutEffect(() => {
    const container = host.current;
    if (!container) return;
    const root = document.createElement('div');
    // Long reads lay out lazily (see article.css); short ones keep exact geometry everywhere.
    root.className = text.length > LONG_ARTICLE_CHARS ? 'article-body article-body--long' : 'article-body';
    root.append(sanitizeArticleHtml(html));
    container.replaceChildren(root);
    if (root.textContent !== text) {
      console.warn(
        `Gloss: the body of article ${articleId} does not match its canonical text after sanitizing; highlights may land in the wrong place.`,
      );
    }
    onRootRef.current(root);
    return () => {
      onRootRef.current(null);
    };
  }, [articleId, html, text]);

  return <div ref={host} className="article-body-host" />;
});
