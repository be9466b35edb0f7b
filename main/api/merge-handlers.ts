type Table = Record<string, (input: never) => Promise<unknown>>;
type Merged<T extends readonly object[]> = T extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? Head & Merged<Rest>
  : unknown;

/**
 * The contract's handler table, made of each feature's own table. An operation
 * registered twice is a mistake of ours, not a choice between them: it throws
 * at start-up. That every operation has a handler, the compiler checks where
 * the result is used as `GlossApi` (main/app/composition.ts).
 */
export function mergeHandlers<T extends readonly object[]>(...tables: T): Merged<T> {
  const merged: Table = {};
  for (const table of tables) {
    for (const [name, handler] of Object.entries(table as Table)) {
      if (Object.hasOwn(merged, name)) throw new Error(`The operation ${name} is registered twice.`);
      merged[name] = handler;
    }
  }
  return merged as Merged<T>;
}
