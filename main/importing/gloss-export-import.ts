import { randomUUID } from 'node:crypto';
import type { ArticleSummary } from '../model/contract';
import { anchorSelectors } from '../annotations/anchor';
import { readExportedMarkdown, type ExportedArticle } from '../export/read-exported-markdown';
import { restoreAnnotations } from '../export/restore-annotations';
import { takeVisibleEdits } from '../export/visible-edits';
import type { ArticleContent, ArticleState } from '../storage/store-types';

/**
 * A Markdown file that Gloss itself exported (full mode) comes back as the
 * article it was: its body becomes the article, and its metadata, article
 * note, tags and highlights are restored on top — as the user left them:
 * notes, colors and tags edited in the file win, a `==mark==` the user added
 * over the text comes in as a highlight, and a highlight whose marks the user
 * deleted is left out.
 */
export interface GlossExportImport {
  /** The Markdown to import as the article body. */
  body: Uint8Array;
  /** The article's id when it was exported: kept when this library has no article by that id. */
  id: string | null;
  /** The annotations, note and details to store with the new article (one write: all or nothing). */
  restore(summary: ArticleSummary, content: ArticleContent): { state: ArticleState; summary: ArticleSummary };
}

export function readGlossExport(name: string, bytes: Uint8Array): GlossExportImport | null {
  if (!/\.(md|markdown)$/i.test(name)) return null;
  let markdown: string;
  let exported: ExportedArticle | null;
  try {
    markdown = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    exported = readExportedMarkdown(markdown);
  } catch {
    return null; // not UTF-8: the importer explains that
  }
  // A highlights digest has no article text; it imports as the document it is.
  if (!exported || exported.meta.mode !== 'full') return null;
  const { meta, note, tags, annotations } = exported;
  return {
    body: new TextEncoder().encode(exported.bodyMarkdown),
    id: /^[A-Za-z0-9_-]{1,64}$/.test(meta.id) ? meta.id : null,
    restore(summary, content) {
      const restored = restoreAnnotations(summary.id, content.text, annotations, (t, selectors) =>
        anchorSelectors(t, selectors),
      );
      // The marks as the user left them: new ones in, deleted ones out.
      const marks = takeVisibleEdits({
        existing: markdown,
        article: { ...summary, ...content, position: 0, note, tags },
        annotations: restored,
        entities: [],
        options: { mode: 'full' },
        now: new Date().toISOString(),
        newId: () => randomUUID(),
        anchored: restored,
      });
      const removed = new Set(marks.removedMarks.map((a) => a.id));
      const added = marks.added.map((a) => ({ ...a, target: { ...a.target, source: summary.id } }));
      const final = [...restored.filter((a) => !removed.has(a.id)), ...added];
      return {
        state: { annotations: final, note, position: 0 },
        summary: {
          ...summary,
          title: meta.title || summary.title,
          author: meta.author,
          site: meta.site,
          published: meta.published,
          ...(meta.source ? { source: meta.source } : {}),
          ...(meta.added ? { added: meta.added } : {}),
          tags,
          highlightCount: final.length,
        },
      };
    },
  };
}
