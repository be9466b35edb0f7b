import type { ArticleSummary } from '../api/contract';
import { anchorSelectors } from '../annotations/anchor';
import { readExportedMarkdown, type ExportedArticle } from '../export/read-exported-markdown';
import { restoreAnnotations } from '../export/restore-annotations';
import type { ArticleState } from '../storage/store-types';

/**
 * A Markdown file that Gloss itself exported (full mode) comes back as the
 * article it was: its body becomes the article, and its metadata, article
 * note, tags and highlights are restored on top.
 */
export interface GlossExportImport {
  /** The Markdown to import as the article body. */
  body: Uint8Array;
  /** The article's id when it was exported: kept when this library has no article by that id. */
  id: string | null;
  /** The annotations, note and details to store with the new article (one write: all or nothing). */
  restore(summary: ArticleSummary, text: string): { state: ArticleState; summary: ArticleSummary };
}

export function readGlossExport(name: string, bytes: Uint8Array): GlossExportImport | null {
  if (!/\.(md|markdown)$/i.test(name)) return null;
  let exported: ExportedArticle | null;
  try {
    exported = readExportedMarkdown(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return null; // not UTF-8: the importer explains that
  }
  // A highlights digest has no article text; it imports as the document it is.
  if (!exported || exported.meta.mode !== 'full') return null;
  const { meta, note, tags, annotations } = exported;
  return {
    body: new TextEncoder().encode(exported.bodyMarkdown),
    id: /^[A-Za-z0-9_-]{1,64}$/.test(meta.id) ? meta.id : null,
    restore(summary, text) {
      const restored = restoreAnnotations(summary.id, text, annotations, (t, selectors) =>
        anchorSelectors(t, selectors),
      );
      return {
        state: { annotations: restored, note, position: 0 },
        summary: {
          ...summary,
          title: meta.title || summary.title,
          author: meta.author,
          site: meta.site,
          published: meta.published,
          ...(meta.source ? { source: meta.source } : {}),
          ...(meta.added ? { added: meta.added } : {}),
          tags,
          highlightCount: restored.length,
        },
      };
    },
  };
}
