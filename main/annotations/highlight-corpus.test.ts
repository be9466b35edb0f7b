import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model/contract';
import { makeAnnotation } from '../../tests/support/annotation-fixtures';
import { seededRandom } from '../../tests/bench/seeded';
import { buildBlock, buildCorpus, matchTerms, searchableText, SEPARATOR, type CorpusArticle } from './highlight-corpus';

const WORDS = ['harbour', 'ledger', 'port', 'clerk', 'léger', 'a', 'the', 'ledge', 'rledger', '#ports'];

function article(id: string, annotations: Annotation[]): CorpusArticle {
  return { id, title: id, annotations, hay: annotations.map(searchableText).join(SEPARATOR) };
}

function randomLibrary(seed: number): CorpusArticle[] {
  const rand = seededRandom(seed);
  const pick = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  return Array.from({ length: 30 }, (_, i) => {
    const count = Math.floor(rand() * 4); // some articles hold none
    const annotations = Array.from({ length: count }, (_, j) => {
      const text = Array.from({ length: 1 + Math.floor(rand() * 4) }, pick).join(' ');
      return makeAnnotation(text, 0, text.length, {
        id: `${i}-${j}`,
        note: rand() < 0.3 ? `${pick()}${SEPARATOR}${pick()}` : '',
        tags: rand() < 0.3 ? [pick()] : [],
      });
    });
    return article(`a${i}`, annotations);
  });
}

/** The plain way: each highlight's own text, every term looked for in it. */
function naive(articles: CorpusArticle[], terms: string[]): string[] {
  return articles.flatMap((a) =>
    a.annotations.filter((x) => terms.every((t) => searchableText(x).includes(t))).map((x) => x.id),
  );
}

describe('the highlight corpus', () => {
  it('finds what testing each highlight finds, for one term and for several', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const articles = randomLibrary(seed);
      const corpus = buildBlock(articles);
      for (const terms of [['ledger'], ['a'], ['ledger', 'port'], ['the', 'a', 'harbour'], ['ports'], ['zzz']]) {
        const found = matchTerms(corpus, terms);
        const ids: string[] = [];
        found.forEach((n, k) => {
          if (n !== terms.length) return;
          const owner = corpus.owner[k]!;
          ids.push(articles[owner]!.annotations[k - corpus.first[owner]!]!.id);
        });
        expect(ids, `seed ${seed}, ${terms.join(' ')}`).toEqual(naive(articles, terms));
      }
    }
  });

  it('never matches a term across two highlights', () => {
    const text = 'harbour ledger';
    const corpus = buildBlock([
      article('a', [makeAnnotation(text, 0, 7, { id: 'x' }), makeAnnotation(text, 8, 14, { id: 'y' })]),
    ]);
    expect([...matchTerms(corpus, ['harbour'])]).toEqual([1, 0]);
    expect([...matchTerms(corpus, ['rledg'])]).toEqual([0, 0]);
    expect([...matchTerms(corpus, ['harbour', 'ledger'])]).toEqual([1, 0]);
  });

  it('builds again only the blocks whose articles changed', () => {
    const articles = Array.from({ length: 2500 }, (_, i) =>
      article(`a${i}`, [makeAnnotation('harbour ledger', 0, 7, { id: `h${i}` })]),
    );
    const before = buildCorpus(articles);
    expect(before).toHaveLength(3);
    const edited = [...articles];
    edited[1500] = article('a1500', [makeAnnotation('harbour ledger', 8, 14, { id: 'h1500' })]);
    const after = buildCorpus(edited, before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]!.hay.split(SEPARATOR)[1500 - 1024]).toBe(searchableText(edited[1500]!.annotations[0]!));
  });
});
