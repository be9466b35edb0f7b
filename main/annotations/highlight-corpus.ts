// Every highlight's searchable text in a few long strings, for the library's Highlights search.
// Half a million highlights (50,000 articles × 10) are too many to test one by one on each
// keystroke (260 ms); a long string is searched with indexOf, which skips to the next highlight at
// each hit, and the hits are mapped back to highlights by their start offsets. The strings are
// blocks of BLOCK_ARTICLES articles, so a change builds one block again, not the library's.
import type { Annotation } from '../model/contract';

export interface CorpusArticle {
  id: string;
  title: string;
  annotations: readonly Annotation[];
  /** The annotations' searchable texts, lower-cased, joined by SEPARATOR. */
  hay: string;
}

export interface CorpusBlock {
  articles: readonly CorpusArticle[];
  hay: string;
  /** Where each highlight's text starts in `hay`, and one more entry past the end. */
  starts: Int32Array;
  /** The index in `articles` of each highlight's article. */
  owner: Int32Array;
  /** Each article's first highlight: highlight k is `articles[owner[k]].annotations[k - first[owner[k]]]`. */
  first: Int32Array;
}

/** Articles per block: a block is a few megabytes, built in a few milliseconds. */
export const BLOCK_ARTICLES = 1024;

/** Between two highlights' texts: a character no typed term holds, so no term matches across two. */
export const SEPARATOR = '\u0000';

/** The text a library search looks in: the quote, the note and the tags. */
export function searchableText(a: Annotation): string {
  const text = [a.target.selector[1].exact, a.body.note, ...a.body.tags].join('\n').toLocaleLowerCase();
  return text.includes(SEPARATOR) ? text.replaceAll(SEPARATOR, ' ') : text;
}

export function buildBlock(articles: readonly CorpusArticle[]): CorpusBlock {
  const count = articles.reduce((n, a) => n + a.annotations.length, 0);
  const starts = new Int32Array(count + 1);
  const owner = new Int32Array(count);
  const first = new Int32Array(articles.length);
  const parts: string[] = [];
  let k = 0;
  let offset = 0;
  articles.forEach((article, index) => {
    first[index] = k;
    if (article.annotations.length === 0) return;
    parts.push(article.hay);
    // The pieces hold no SEPARATOR (searchableText), so the article's k-th piece is its k-th highlight.
    let at = offset;
    let cut = article.hay.indexOf(SEPARATOR);
    for (let i = 0; i < article.annotations.length; i++) {
      starts[k] = at;
      owner[k++] = index;
      const end = cut === -1 ? article.hay.length : cut;
      at = offset + end + 1;
      cut = cut === -1 ? -1 : article.hay.indexOf(SEPARATOR, cut + 1);
    }
    offset += article.hay.length + 1;
  });
  starts[count] = offset;
  return { articles, hay: parts.join(SEPARATOR), starts, owner, first };
}

/** Whether a block built before still stands for these articles (the index keeps an unchanged article's objects). */
function sameArticles(block: CorpusBlock, articles: readonly CorpusArticle[]): boolean {
  if (block.articles.length !== articles.length) return false;
  return articles.every((a, i) => {
    const was = block.articles[i]!;
    return was.id === a.id && was.annotations === a.annotations && was.title === a.title;
  });
}

/** The library's blocks, each built again only where its articles changed since `previous`. */
export function buildCorpus(articles: readonly CorpusArticle[], previous: readonly CorpusBlock[] = []): CorpusBlock[] {
  const blocks: CorpusBlock[] = [];
  for (let i = 0; i < articles.length; i += BLOCK_ARTICLES) {
    const slice = articles.slice(i, i + BLOCK_ARTICLES);
    const was = previous[blocks.length];
    blocks.push(was && sameArticles(was, slice) ? was : buildBlock(slice));
  }
  return blocks;
}

/** The index of the highlight whose text holds offset `pos`, searching from highlight `from` on. */
function highlightAt(starts: Int32Array, pos: number, from: number): number {
  let lo = from;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * For each highlight of the block, how many of `terms` (lower-cased, none empty) its text holds,
 * counted in order: `found[k] === terms.length` means highlight k holds them all.
 */
export function matchTerms(block: CorpusBlock, terms: readonly string[]): Uint16Array {
  const found = new Uint16Array(block.owner.length);
  terms.forEach((term, j) => {
    let k = 0;
    let pos = block.hay.indexOf(term);
    while (pos !== -1) {
      k = highlightAt(block.starts, pos, k);
      if (found[k] === j) found[k] = j + 1;
      pos = block.hay.indexOf(term, block.starts[k + 1]!);
    }
  });
  return found;
}
