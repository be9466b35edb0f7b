import { join, resolve } from 'node:path';
import type { Entity } from '../../model/contract';
import type { Gloss } from '../../app/composition';
import { isFile } from '../file-kind';

type OpenGloss = (options: { libraryDir: string; readOnly: boolean }) => Promise<Gloss>;

/** `gloss entities FILE`: offsets into the file as given. */
export async function entitiesOfFile(path: string, libraryDir: string, createGloss: OpenGloss): Promise<number> {
  const { importFile } = await import('../../import/import-document');
  const { extractEntities } = await import('../../entities/extract-entities');
  const { applyCorrections } = await import('../../entities/apply-corrections');
  const { readLocalFile } = await import('../../importing/read-local-file');
  const { MAX_IMPORT_BYTES } = await import('../../import/import-limits');
  const bytes = await readLocalFile(path, MAX_IMPORT_BYTES);
  // Offsets index into the file as given: a .txt file is read whole, without reader mode.
  const doc = await importFile({
    name: path.split(/[\\/]/).pop() ?? path,
    bytes,
    path: resolve(path),
    readerMode: false,
  });
  // The user's corrections apply to files outside the library too, but reading
  // them must not create a library where there is none.
  let corrections: Awaited<ReturnType<Gloss['api']['listCorrections']>> = [];
  if (await isFile(join(libraryDir, 'library.json'))) {
    const gloss = await createGloss({ libraryDir, readOnly: true });
    try {
      corrections = await gloss.api.listCorrections({});
    } finally {
      await gloss.close();
    }
  }
  printEntities(applyCorrections(extractEntities(doc.text), corrections, doc.text));
  return 0;
}

/** `gloss entities ID`. */
export async function entitiesOfArticle(gloss: Gloss, id: string): Promise<number> {
  printEntities(await gloss.api.getEntities({ articleId: id }));
  return 0;
}

function printEntities(entities: Entity[]): void {
  const out = entities.map((e) => ({
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    ...(e.resolved ? { resolved: e.resolved } : {}),
  }));
  console.log(JSON.stringify({ entities: out }, null, 2));
}
