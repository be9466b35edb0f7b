import type { Article } from '../../../main/model/contract';
import { formatDate, formatMinutes, formatWords, hostOf } from '../library/format';

/** Title and the line of facts under it. Outside the body root, so it is not part of the canonical text. */
export function ArticleHeader({ article, titleId }: { article: Article; titleId: string }) {
  const facts = [
    article.site,
    article.published ? formatDate(article.published) : null,
    formatMinutes(article.readingMinutes),
    formatWords(article.wordCount),
  ].filter((fact): fact is string => Boolean(fact));
  const sourceHost = hostOf(article.sourceUrl);
  return (
    <header className="article-header">
      <h1 id={titleId} className="article-header__title">
        {article.title}
      </h1>
      {article.author && <p className="article-header__byline">{article.author}</p>}
      <p className="article-header__facts">
        {facts.map((fact, index) => (
          <span key={index} className="article-header__fact">
            {fact}
          </span>
        ))}
        {sourceHost && (
          <span className="article-header__fact">
            {/* Goes through the reader's link confirmation like any link in the article. */}
            <a href={article.sourceUrl ?? undefined} className="article-header__source">
              {sourceHost}
            </a>
          </span>
        )}
      </p>
      {article.tags.length > 0 && (
        <ul className="article-header__tags" aria-label="Tags">
          {article.tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
    </header>
  );
}
