// Results computed from an article that are costly to compute again (its entities),
// kept in <library>/cache/<kind>/<id>.json. A cache, not the truth: each entry names
// what it was computed from, a file that fails its check or names another input is
// computed again and written over, and losing the folder loses nothing.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fields, literal, str, type Check } from '../model/schema';

export interface DerivedCache<T> {
  /** The value computed from `inputKey`, or null when there is none (or it was computed from something else). */
  read(id: string, inputKey: string): Promise<T | null>;
  write(id: string, inputKey: string, value: T): Promise<void>;
}

const VERSION = 1;

export function derivedCache<T>(
  libraryDir: string,
  kind: string,
  valueShape: Check,
  options: { readOnly: boolean },
): DerivedCache<T> {
  const dir = join(libraryDir, 'cache', kind);
  const entryShape = fields({ version: literal(VERSION), inputKey: str, value: valueShape });
  const path = (id: string) => join(dir, `${id}.json`);
  return {
    async read(id, inputKey) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(path(id), 'utf8'));
      } catch {
        return null; // absent or damaged: computed again
      }
      if (entryShape(parsed) !== null) return null;
      const entry = parsed as { inputKey: string; value: T };
      return entry.inputKey === inputKey ? entry.value : null;
    },
    async write(id, inputKey, value) {
      if (options.readOnly) return;
      await mkdir(dir, { recursive: true });
      const temp = `${path(id)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, JSON.stringify({ version: VERSION, inputKey, value }));
      await rename(temp, path(id));
    },
  };
}
