// The export dialog's choices, remembered between exports on this machine.
import type { ExportOptions } from '../../../main/model/contract';

export type ChosenOptions = Required<ExportOptions>;

const KEY = 'gloss:export-options';

export const DEFAULT_OPTIONS: ChosenOptions = {
  mode: 'full',
  groupBy: 'position',
  entities: true,
  wikilinks: false,
  sourcePath: false,
};

export function loadOptions(storage: Pick<Storage, 'getItem'> = localStorage): ChosenOptions {
  try {
    const raw = JSON.parse(storage.getItem(KEY) ?? '{}') as Partial<Record<keyof ChosenOptions, unknown>>;
    return {
      mode: raw.mode === 'highlights' ? 'highlights' : 'full',
      groupBy: raw.groupBy === 'color' ? 'color' : 'position',
      entities: typeof raw.entities === 'boolean' ? raw.entities : DEFAULT_OPTIONS.entities,
      wikilinks: typeof raw.wikilinks === 'boolean' ? raw.wikilinks : DEFAULT_OPTIONS.wikilinks,
      sourcePath: raw.sourcePath === true,
    };
  } catch {
    return { ...DEFAULT_OPTIONS };
  }
}

export function saveOptions(options: ChosenOptions, storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(options));
}
