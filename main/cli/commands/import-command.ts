import { resolve } from 'node:path';
import type { ImportOutcome } from '../../model/contract';
import type { Gloss } from '../../app/composition';
import { UsageError } from '../command-line';

export async function importCommand(
  gloss: Gloss,
  files: string[],
  allowDuplicate: boolean,
  json: boolean,
): Promise<number> {
  if (files.length === 0) throw new UsageError('import needs at least one file.');
  const outcomes = await gloss.local.importPaths(
    files.map((f) => resolve(f)),
    { allowDuplicate },
  );
  if (json) console.log(JSON.stringify(outcomes, null, 2));
  else outcomes.forEach((o) => report(o));
  return outcomes.every((o) => o.status !== 'rejected') ? 0 : 1;
}

function report(outcome: ImportOutcome): void {
  if (outcome.status === 'imported') {
    console.log(`Imported ${outcome.article.id}  ${outcome.article.title}`);
  } else if (outcome.status === 'duplicate') {
    console.log(
      `Already in the library: ${outcome.name} is ${outcome.existing.id} (${outcome.existing.title}); --allow-duplicate imports it again.`,
    );
  } else {
    console.error(`Not imported: ${outcome.error.message}`);
  }
}
