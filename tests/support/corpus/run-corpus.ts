// Imports every corpus page through Gloss's real pipeline and scores it field by field.
import { importDocument } from '../../../main/import/import-document';
import { corpusPages, expectedText, type CorpusPage } from './readability-pages';
import { FIELDS, scorePage, type Field, type Imported, type PageScore } from './score-page';

export interface PageResult {
  name: string;
  score: PageScore;
  error: string | null;
  ms: number;
}

export function importCorpusPage(page: CorpusPage): { doc: Imported | null; error: string | null; ms: number } {
  const t0 = performance.now();
  try {
    const doc = importDocument({ name: `${page.name}.html`, bytes: page.source() });
    return { doc, error: null, ms: performance.now() - t0 };
  } catch (e) {
    return { doc: null, error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 };
  }
}

export function runCorpus(pages: CorpusPage[] = corpusPages()): PageResult[] {
  return pages.map((page) => {
    const { doc, error, ms } = importCorpusPage(page);
    return {
      name: page.name,
      score: scorePage(
        page.metadata(),
        expectedText(page.expectedHtml()),
        doc,
        new TextDecoder('latin1').decode(page.source()),
      ),
      error,
      ms,
    };
  });
}

export function matchRates(results: readonly PageResult[]): Record<Field, { matched: number; of: number }> {
  const rates = {} as Record<Field, { matched: number; of: number }>;
  for (const field of FIELDS) {
    rates[field] = { matched: results.filter((r) => r.score[field].ok).length, of: results.length };
  }
  return rates;
}

export function formatRates(label: string, rates: Record<string, { matched: number; of: number }>): string {
  const cells = Object.entries(rates).map(
    ([field, { matched, of }]) => `${field} ${matched}/${of} (${((100 * matched) / of).toFixed(0)}%)`,
  );
  return `${label}: ${cells.join(', ')}`;
}
