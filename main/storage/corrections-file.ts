// The user's entity corrections (entities.json): their own gazetteer.
import { join } from 'node:path';
import type { StoredCorrection } from '../model/contract';
import { LIMITS } from '../model/limits';
import { AppError } from '../model/errors';
import { AtomicJsonFile } from './atomic-json-file';
import { loadStoredFile } from './file-recovery';
import { describeProblem } from '../model/schema';
import { STORED_CORRECTION_SHAPE } from '../model/shapes';
import { SCHEMA_VERSION, type EntitiesFile } from './file-schemas';
import type { StoreContext } from './store-context';
import { StoredFile } from './stored-file';

export class CorrectionsStore {
  readonly file: StoredFile<EntitiesFile>;

  constructor(private readonly ctx: StoreContext) {
    this.file = new StoredFile<EntitiesFile>(
      new AtomicJsonFile(join(ctx.dir, 'entities.json'), 'entities', ctx.env),
      { schemaVersion: SCHEMA_VERSION, corrections: [] },
      ctx.status,
      { label: () => 'the entity corrections (entities.json)' },
    );
  }

  async load(): Promise<void> {
    const r = await loadStoredFile(this.ctx.recovery, this.file, 'entities');
    await this.ctx.persistLoaded(this.file, r);
  }

  get(): StoredCorrection[] {
    return structuredClone(this.file.data.corrections);
  }

  async set(corrections: StoredCorrection[]): Promise<void> {
    this.ctx.assertOpen();
    for (let i = 0; i < corrections.length; i++) {
      const problem = describeProblem(`corrections[${i}]`, STORED_CORRECTION_SHAPE, corrections[i]);
      if (problem) throw new AppError('invalid_input', `This entity correction is not valid (${problem}).`);
      const c = corrections[i]!.correction as unknown as Record<string, unknown>;
      for (const field of ['name', 'alias', 'key', 'into']) {
        const v = c[field];
        // Keys are `type:name`, so a little longer than a name.
        const max = field === 'key' || field === 'into' ? LIMITS.entityName + 32 : LIMITS.entityName;
        if (typeof v === 'string' && v.length > max) {
          throw new AppError(
            'invalid_input',
            `An entity name is at most ${LIMITS.entityName} characters (this one has ${v.length.toLocaleString('en-US')}).`,
          );
        }
      }
    }
    this.file.data = { schemaVersion: SCHEMA_VERSION, corrections: structuredClone(corrections) };
    await this.file.save();
  }
}
