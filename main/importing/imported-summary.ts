import type { ArticleSummary } from '../model/contract';
import type { ImportedDocument } from '../import/import-document';
import { isSourceUrl } from '../model/validate';

/** The library entry of a freshly imported document: nothing read, nothing highlighted yet. */
export function importedSummary(
  doc: ImportedDocument,
  at: { id: string; added: string; path: string | null },
): ArticleSummary {
  // A page may declare any address as its own; only http(s) and file ones are kept (never javascript:).
  const sourceUrl = doc.sourceUrl !== null && isSourceUrl(doc.sourceUrl) ? doc.sourceUrl : null;
  return {
    id: at.id,
    title: doc.title,
    author: doc.author,
    site: doc.site,
    published: doc.published,
    source: sourceUrl ?? at.path,
    sourceUrl,
    format: doc.format,
    added: at.added,
    wordCount: doc.wordCount,
    readingMinutes: doc.readingMinutes,
    language: doc.language,
    tags: [],
    progress: 0,
    highlightCount: 0,
    shelf: 'inbox',
    favorite: false,
    opened: null,
    sourceSha256: doc.sourceSha256,
  };
}
