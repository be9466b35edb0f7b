// Import against the world's pages: Mozilla Readability's 130 test pages (../shared/corpora, read where
// they are), scored field by field against Readability's expected output — title, byline, date, site,
// language and body text (within 0.99 token similarity). Misses must be the documented exceptions.
import { beforeAll, describe, expect, it } from 'vitest';
import { textContentOfHtml } from '../../main/import/fragment-text';
import { importDocument } from '../../main/import/import-document';
import { corpusAvailable, corpusPages, CORPUS_DIR, expectedText } from '../support/corpus/readability-pages';
import { formatRates, matchRates, type PageResult } from '../support/corpus/run-corpus';
import { FIELDS, scorePage } from '../support/corpus/score-page';
import { EXCEPTIONS } from './import-corpus-exceptions';

// Never skipped: CI always has ../shared beside the clone; without it this fails, saying where it looked.
if (!corpusAvailable()) throw new Error(`The Readability corpus is not at ${CORPUS_DIR}.`);

describe('import on Mozilla Readability’s test pages', () => {
  const problems: string[] = [];
  const results: PageResult[] = [];
  beforeAll(() => {
    for (const page of corpusPages()) {
      const source = page.source();
      let doc: ReturnType<typeof importDocument> | null = null;
      let error: string | null = null;
      try {
        doc = importDocument({ name: `${page.name}.html`, bytes: source });
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      if (doc) {
        if (textContentOfHtml(doc.html) !== doc.text) problems.push(`${page.name}: the text is not the HTML's text`);
        for (const r of doc.removed)
          if (r.at < 0 || r.at > doc.text.length) problems.push(`${page.name}: a removed passage is out of the text`);
      }
      const score = scorePage(
        page.metadata(),
        expectedText(page.expectedHtml()),
        doc,
        Buffer.from(source).toString('latin1'),
      );
      results.push({ name: page.name, score, error, ms: 0 });
    }
  }, 180_000);

  it('imports every page, with text that is exactly its HTML’s text', () => {
    console.log(formatRates(`Readability corpus (${results.length} pages)`, matchRates(results)));
    expect(results.filter((r) => r.error).map((r) => `${r.name}: ${r.error}`)).toEqual([]);
    expect(problems).toEqual([]);
    expect(results.length).toBe(130);
  });

  it.each(FIELDS)('%s: every page matches but the documented exceptions', (field) => {
    const misses = results.filter((r) => !r.score[field].ok);
    const unexplained = misses
      .filter((r) => !(r.name in EXCEPTIONS[field]))
      .map(
        (r) =>
          `${r.name}: expected ${JSON.stringify(r.score[field].expected)}, got ${JSON.stringify(r.score[field].got)}`,
      );
    const stale = Object.keys(EXCEPTIONS[field]).filter((name) => !misses.some((r) => r.name === name));
    expect(unexplained).toEqual([]);
    expect(stale).toEqual([]);
  });
});
