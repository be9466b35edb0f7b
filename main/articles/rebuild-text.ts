// A damaged or missing content.json is rebuilt from the article's kept source
// through the same import pipeline, and its annotations re-anchored to the new
// text, so the article keeps its id, highlights and notes instead of becoming
// "re-import it" and a second, bare copy.
import type { ArticleSummary } from '../model/contract';
import { reanchorAll } from '../annotations/reanchor';
import { isAppError } from '../model/errors';
import type { ImportedDocument } from '../import/import-document';
import type { ArticleContent, LibraryStore } from '../storage/store-types';

export type RebuildDocumentFn = (input: {
  name: string;
  bytes: Uint8Array;
}) => Promise<ImportedDocument> | ImportedDocument;

/** The article's text; rebuilt from its source (and said so in a notice) when content.json cannot be read. */
export async function contentOrRebuild(
  store: LibraryStore,
  summary: ArticleSummary,
  importDocument: RebuildDocumentFn,
): Promise<ArticleContent> {
  try {
    return await store.getContent(summary.id);
  } catch (damage) {
    // A file of a newer Gloss is not damage: rebuilding would overwrite it.
    if (!isAppError(damage) || (damage.code !== 'internal' && damage.code !== 'not_found')) throw damage;
    const source = await store.readSource(summary.id).catch(() => null);
    if (!source) throw damage;
    let doc: ImportedDocument;
    try {
      doc = await importDocument({ name: `source.${source.ext}`, bytes: source.bytes });
    } catch {
      throw damage; // the kept source no longer imports: the damage is what the user needs to hear about
    }
    const { state } = await store.updateText(summary.id, {
      content: {
        html: doc.html,
        text: doc.text,
        textSha256: doc.textSha256,
        ...(doc.removed.length ? { removed: doc.removed } : {}),
      },
      // The stored positions were into the text this same source gave: use them as the hint.
      state: (s) => ({ ...s, annotations: reanchorAll(doc.text, doc.text, s.annotations) }),
      summary: { wordCount: doc.wordCount, readingMinutes: doc.readingMinutes },
    });
    const orphans = state.annotations.filter((a) => a.status === 'orphan').length;
    store.notify(
      'warning',
      `The text of “${summary.title}” was damaged; Gloss rebuilt it from the kept source file` +
        (orphans
          ? ` (${orphans} highlight${orphans === 1 ? '' : 's'} could not be placed and are listed as orphans).`
          : '.'),
    );
    return store.getContent(summary.id);
  }
}
