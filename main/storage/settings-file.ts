// The reader settings (settings.json): defaults until the user changes one.
import { join } from 'node:path';
import type { ReaderSettings } from '../model/contract';
import { AppError } from '../model/errors';
import { AtomicJsonFile } from './atomic-json-file';
import { loadStoredFile } from './file-recovery';
import { describeProblem } from '../model/schema';
import { SETTINGS_SHAPE } from '../model/shapes';
import { DEFAULT_SETTINGS, SCHEMA_VERSION, type SettingsFile } from './file-schemas';
import type { StoreContext } from './store-context';
import { StoredFile } from './stored-file';

export class SettingsStore {
  readonly file: StoredFile<SettingsFile>;

  constructor(private readonly ctx: StoreContext) {
    this.file = new StoredFile<SettingsFile>(
      new AtomicJsonFile(join(ctx.dir, 'settings.json'), 'settings', ctx.env),
      { schemaVersion: SCHEMA_VERSION, settings: { ...DEFAULT_SETTINGS } },
      ctx.status,
      { label: () => 'the reader settings (settings.json)' },
    );
  }

  async load(): Promise<void> {
    const r = await loadStoredFile(this.ctx.recovery, this.file, 'settings');
    await this.ctx.persistLoaded(this.file, r);
  }

  get(): ReaderSettings {
    return { ...this.file.data.settings };
  }

  async update(patch: Partial<ReaderSettings>): Promise<ReaderSettings> {
    this.ctx.assertOpen();
    const next = { ...this.file.data.settings, ...patch };
    const problem = describeProblem('settings', SETTINGS_SHAPE, next);
    if (problem) throw new AppError('invalid_input', `These reader settings are not valid (${problem}).`);
    this.file.data = { schemaVersion: SCHEMA_VERSION, settings: next };
    await this.file.save();
    return { ...next };
  }
}
