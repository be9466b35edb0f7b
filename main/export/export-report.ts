// The one sentence an export ends with, in the CLI and in the app: where the
// file went, which of the user's edits in the earlier file were taken in, and
// where anything that could not be taken in was kept.
import type { LibraryExportResult } from './library-export';
import type { TakenEdits } from './visible-edits';

export interface ExportOutcome {
  title: string;
  path: string;
  taken: TakenEdits | null;
  /** The copy of the previous file, when some of it could not be taken in. */
  backup: string | null;
  /** A file of that name that is not an earlier export of this article (left untouched). */
  leftAlone: string | null;
  /** Downloaded (browser mode) rather than written to `path`, which is then the file name. */
  downloaded?: boolean;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function takenSummary(taken: TakenEdits | null): string[] {
  if (!taken) return [];
  const parts: string[] = [];
  if (taken.edited.length) parts.push(plural(taken.edited.length, 'edited highlight', 'edited highlights'));
  if (taken.added.length) parts.push(plural(taken.added.length, 'new highlight', 'new highlights'));
  if (taken.noteEdited) parts.push('the article note');
  if (taken.tagsEdited) parts.push('the tags');
  return parts;
}

export function exportSentence(o: ExportOutcome): string {
  let s = `Exported “${o.title}” ${o.downloaded ? 'as' : 'to'} ${o.path}`;
  if (o.leftAlone) s += ` (${o.leftAlone} is not an earlier export of it, so it was left as it was)`;
  const parts = takenSummary(o.taken);
  if (parts.length) s += `, taking in your edits: ${parts.join(', ')}`;
  const removed = o.taken?.removedMarks.length ?? 0;
  if (removed) {
    s += `; ${plural(removed, 'highlight', 'highlights')} whose marks you removed ${removed === 1 ? 'is' : 'are'} still in Gloss (delete ${removed === 1 ? 'it' : 'them'} there if you meant to)`;
  }
  if (o.backup) s += `; text Gloss could not take in is kept in the previous file, saved as ${o.backup}`;
  return `${s}.`;
}

export function librarySentence(dir: string, r: LibraryExportResult): string {
  let s = `Wrote ${plural(r.written.length, 'file', 'files')} to ${dir}`;
  if (r.takenIn) s += `, taking in your edits to ${plural(r.takenIn, 'earlier export', 'earlier exports')}`;
  if (r.copies.length) {
    s += `; text Gloss could not take in is kept in ${r.copies.length === 1 ? 'a copy' : `${r.copies.length} copies`} of the previous ${r.copies.length === 1 ? 'file' : 'files'} (${r.copies.map((c) => c.slice(dir.length + 1)).join(', ')})`;
  }
  return `${s}.`;
}

/** “Exported 3 articles as a vault (7 files in Gloss vault 2026-12-04.zip).” */
export function vaultZipSentence(articles: number, files: number, fileName: string): string {
  return `Exported ${plural(articles, 'article', 'articles')} as a vault (${plural(files, 'file', 'files')} in ${fileName}).`;
}

const SKIPPED: Record<string, [string, string]> = {
  'page note': ['page note', 'page notes'],
  reply: ['reply', 'replies'],
  'no text selector': ['without a text selector', 'without a text selector'],
  'already in Gloss': ['already in Gloss', 'already in Gloss'],
};

/** “Imported 3 annotations; skipped 2: 1 page note, 1 reply (Gloss highlights passages of the text).” */
export function importSentence(added: number, skipped: Partial<Record<string, number>>): string {
  let s = `Imported ${plural(added, 'annotation', 'annotations')}`;
  const parts = Object.entries(skipped)
    .filter(([, n]) => n)
    .map(([reason, n]) => {
      const [one, many] = SKIPPED[reason] ?? [reason, reason];
      return reason === 'no text selector' || reason === 'already in Gloss' ? `${n} ${one}` : plural(n!, one, many);
    });
  const total = Object.values(skipped).reduce((a, n) => a! + (n ?? 0), 0)!;
  if (parts.length) s += `; skipped ${total}: ${parts.join(', ')}`;
  if (skipped['page note'] || skipped.reply || skipped['no text selector'])
    s += ' (Gloss keeps highlights of passages in the text)';
  return `${s}.`;
}
