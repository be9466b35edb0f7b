import { join, resolve } from 'node:path';
import type { ExportOptions } from '../../model/contract';
import type { Gloss } from '../../app/composition';
import { makeExportFolder } from '../../export/export-files';
import { articleFileName } from '../../export/file-names';
import { sameTag } from '../../export/obsidian-tags';
import { need, UsageError, type Flags } from '../command-line';
import { isDirectory } from '../file-kind';

function exportOptions(flags: Flags): ExportOptions {
  const mode = flags.mode ?? 'full';
  if (mode !== 'full' && mode !== 'highlights') throw new UsageError('--mode is full or highlights.');
  const groupBy = flags['group-by'] ?? 'position';
  if (groupBy !== 'position' && groupBy !== 'color') throw new UsageError('--group-by is position or color.');
  return {
    mode,
    groupBy,
    entities: !flags['no-entities'],
    wikilinks: flags.wikilinks ?? false,
    sourcePath: flags['source-path'] ?? false,
  };
}

/** `gloss export`: one article (stdout, a file or a folder), or many into a folder. */
export async function exportCommand(gloss: Gloss, id: string | undefined, flags: Flags): Promise<number> {
  const options = exportOptions(flags);
  const { out, tag } = flags;
  if (flags.all || tag) {
    if (!out) throw new UsageError('Exporting many articles needs --out DIR.');
    // --tag takes Gloss's spelling or the Obsidian tag the export writes.
    const chosen = (await gloss.api.listArticles({})).filter((a) => !tag || a.tags.some((t) => sameTag(t, tag)));
    const { message } = await gloss.local.exportLibraryToFolder({
      articleIds: chosen.map((a) => a.id),
      dir: resolve(out),
      options,
      onProgress: (done: number, total: number) => process.stderr.write(`\rExported ${done} of ${total}`),
    });
    process.stderr.write('\n');
    console.log(message);
    return 0;
  }
  const articleId = need(id, 'export needs an article ID, or --all.');
  if (!out) {
    process.stdout.write((await gloss.api.exportMarkdown({ articleId, options })).markdown);
    return 0;
  }
  let target = out;
  if ((await isDirectory(out)) || out.endsWith('/')) {
    // Named without rendering: exportMarkdownToFile below renders once, and says when the article is missing.
    const title = (await gloss.api.listArticles({})).find((a) => a.id === articleId)?.title;
    target = join(out, articleFileName(title ?? articleId));
  }
  await makeExportFolder(resolve(target, '..'));
  // Re-exporting over an earlier export takes the user's edits in it first, and says what it did.
  console.log((await gloss.local.exportMarkdownToFile({ articleId, options, path: resolve(target) })).message);
  return 0;
}
