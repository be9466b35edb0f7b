// "Update from file…": a new version of an article's file replaces its text in one
// atomic change, and every annotation is re-anchored to the new text (moved or
// orphaned, never dropped).
import { createHash } from 'node:crypto';
import type { Annotation, Article, GlossApi, RemovedPassage, SourceFormat } from '../model/contract';
import { AppError } from '../model/errors';
import { decodeIncoming } from '../model/incoming-file';
import { inDocumentOrder } from '../annotations/document-order';
import { buildOffsetMap } from '../annotations/offset-map';
import { reanchorAll } from '../annotations/reanchor';
import { countWords, readingMinutes } from '../import/text-stats';
import { requireSummary } from '../storage/require-summary';
import type { LibraryStore } from '../storage/store-types';

/** What "Update from file" needs from the importer (main/import/import-document.ts). */
export interface ReimportedDocument {
  html: string;
  text: string;
  textSha256: string;
  sourceSha256: string;
  sourceExt: string;
  title: string;
  wordCount: number;
  readingMinutes: number;
  /** The bytes to keep as the source; the file's own bytes when absent. */
  sourceBytes?: Uint8Array;
  format?: SourceFormat;
  /** What reader mode set aside. */
  removed?: RemovedPassage[];
}

export type ReimportDocumentFn = (input: {
  name: string;
  bytes: Uint8Array;
  path?: string;
}) => ReimportedDocument | Promise<ReimportedDocument>;

export type UpdateFromFileService = Pick<GlossApi, 'updateFromFile'>;

export function createUpdateFromFile(store: LibraryStore, importDocument: ReimportDocumentFn): UpdateFromFileService {
  return {
    async updateFromFile({ id, file }) {
      const summary = requireSummary(store, id);
      const { name, bytes } = decodeIncoming(file);
      if (bytes.length === 0) throw new AppError('empty_file', `“${name}” is empty.`);
      const path = typeof file.path === 'string' && file.path ? file.path : null;
      const imported = await importDocument({ name, bytes, ...(path ? { path } : {}) });
      // A damaged text is what this update replaces: nothing to map from.
      const oldText = await store.getContent(summary.id).then(
        (c) => c.text,
        () => '',
      );
      const current = await store.getState(summary.id);
      // A highlight whose text the new version has only among the passages reader mode set aside brings
      // that passage back: it never vanishes into text the reader does not show.
      const kept = await keepHighlightedPassages(imported, oldText, current.annotations);
      const doc = {
        ...imported,
        ...kept,
        textSha256: kept.text === imported.text ? imported.textSha256 : sha256(kept.text),
      };
      // One atomic change: the text, the source, the annotations re-anchored to it and the details.
      const { summary: updated, state } = await store.updateText(summary.id, {
        content: {
          html: doc.html,
          text: doc.text,
          textSha256: doc.textSha256,
          ...(doc.removed.length ? { removed: doc.removed } : {}),
        },
        source: { bytes: doc.sourceBytes ?? bytes, ext: doc.sourceExt },
        state: (s, previous) => ({
          ...s,
          annotations: previous === doc.text ? s.annotations : reanchorAll(previous, doc.text, s.annotations),
          position: Math.min(doc.text.length, Math.max(0, buildOffsetMap(previous, doc.text)(s.position))),
        }),
        summary: {
          wordCount: doc.wordCount,
          readingMinutes: doc.readingMinutes,
          sourceSha256: doc.sourceSha256,
          ...(doc.format ? { format: doc.format } : {}),
          ...(path ? { source: path } : {}),
        },
      });
      const article: Article = {
        ...updated,
        html: doc.html,
        text: doc.text,
        textSha256: doc.textSha256,
        ...(doc.removed.length ? { removed: doc.removed } : {}),
        position: state.position,
        note: state.note,
      };
      return { article, annotations: inDocumentOrder(state.annotations) };
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The new text, with the removed passages back that hold highlights which would otherwise be orphaned. */
async function keepHighlightedPassages(
  doc: ReimportedDocument,
  oldText: string,
  annotations: readonly Annotation[],
): Promise<{ html: string; text: string; removed: RemovedPassage[]; wordCount: number; readingMinutes: number }> {
  const content = { html: doc.html, text: doc.text, removed: doc.removed ?? [] };
  const same = { ...content, wordCount: doc.wordCount, readingMinutes: doc.readingMinutes };
  if (content.removed.length === 0 || annotations.length === 0 || oldText === doc.text) return same;
  const lost = reanchorAll(oldText, doc.text, annotations)
    .filter((a) => a.status === 'orphan')
    .map((a) => a.target.selector[1].exact);
  const { keepPassagesHolding } = await import('../import/keep-passage');
  const kept = keepPassagesHolding(content, lost);
  if (kept.text === doc.text) return same;
  const words = countWords(kept.text);
  return { ...kept, wordCount: words, readingMinutes: readingMinutes(words) };
}
