import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, loadOptions, saveOptions } from './export-options';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('export options', () => {
  it('round-trips what the user chose', () => {
    const storage = memoryStorage();
    const chosen = {
      mode: 'highlights',
      groupBy: 'color',
      entities: false,
      wikilinks: true,
      sourcePath: true,
    } as const;
    saveOptions(chosen, storage);
    expect(loadOptions(storage)).toEqual(chosen);
  });

  it('falls back to the defaults for nothing stored, junk, or unknown values', () => {
    expect(loadOptions(memoryStorage())).toEqual(DEFAULT_OPTIONS);
    expect(loadOptions(memoryStorage({ 'gloss:export-options': '{not json' }))).toEqual(DEFAULT_OPTIONS);
    expect(loadOptions(memoryStorage({ 'gloss:export-options': '{"mode":"everything","entities":"yes"}' }))).toEqual(
      DEFAULT_OPTIONS,
    );
  });
});
