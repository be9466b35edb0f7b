// What Library Entities needs of each article, small enough to keep for the whole library in one
// file: per article, each corrected entity's key, name, type and mention count, and what that was
// computed from. The first open after a restart then reads one file and stats the text files,
// instead of reading every article's text and applying the corrections to each (7 s at 10,000).
import { ENTITY_TYPES } from '../model/contract';
import type { Entity, EntityType, LibraryEntity, StoredCorrection } from '../model/contract';
import { STORED_CORRECTION_SHAPE } from '../model/shapes';
import { fields, int, list, oneOf, str, strArr, type Check } from '../model/schema';

export type EntityRow = [key: string, name: string, type: EntityType, mentions: number];

export interface TableEntry {
  /** What the rows were computed from (extractor, reference date, the text file's stamp). */
  input: string;
  rows: EntityRow[];
  /** Keys the article's list held while the corrections were applied, beyond those in rows. */
  also: string[];
}

export interface KeptTable {
  /** The corrections every entry reflects, in order. */
  corrections: StoredCorrection[];
  entries: Record<string, TableEntry>;
}

const TYPE = oneOf(ENTITY_TYPES);
const ROW: Check = (v) => {
  if (!Array.isArray(v) || v.length !== 4) return ' is not a row of four';
  return str(v[0]) ?? str(v[1]) ?? TYPE(v[2]) ?? int(v[3]);
};
const ENTRY = fields({ input: str, rows: list(ROW), also: strArr });

export const KEPT_TABLE_SHAPE: Check = fields({
  corrections: list(STORED_CORRECTION_SHAPE),
  entries: (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return ' is not an object';
    for (const entry of Object.values(v)) {
      const problem = ENTRY(entry);
      if (problem) return problem;
    }
    return null;
  },
});

/** An article's row set, from its corrected entities and the keys seen on the way. */
export function tableEntry(input: string, entities: Entity[], seen: Set<string>): TableEntry {
  const rows: EntityRow[] = entities.map((e) => [e.key, e.name, e.type, e.mentions.length]);
  const inRows = new Set(entities.map((e) => e.key));
  return { input, rows, also: [...seen].filter((k) => !inRows.has(k)) };
}

/** What changed between two lists of corrections: the keys they name, and the names "add" looks for. */
export interface Stale {
  keys: Set<string>;
  names: string[];
}

/**
 * What the corrections that went from `before` to `now` touch; 'all' when the change cannot be told
 * apart (corrections in another order).
 *
 * Corrections are only ever appended or taken out (undo). One that names a key an article never
 * held changes nothing there (applyCorrections' `seen`). An 'add' looks for its name in the text
 * itself, so it touches the articles whose text holds the name.
 */
export function staleOf(before: readonly StoredCorrection[], now: readonly StoredCorrection[]): Stale | 'all' {
  const nowIds = new Set(now.map((c) => c.id));
  const kept = before.filter((c) => nowIds.has(c.id));
  if (kept.some((c, i) => now[i]?.id !== c.id)) return 'all';
  const changed = [...before.filter((c) => !nowIds.has(c.id)), ...now.slice(kept.length)];
  const stale: Stale = { keys: new Set(), names: [] };
  for (const { correction } of changed) {
    if (correction.kind === 'add') stale.names.push(correction.name);
    else stale.keys.add(correction.key);
  }
  return stale;
}

/** Whether the entry may be kept though the corrections named `stale` changed. */
export function untouched(entry: TableEntry, stale: Set<string>): boolean {
  if (stale.size === 0) return true;
  return !entry.rows.some((r) => stale.has(r[0])) && !entry.also.some((k) => stale.has(k));
}

/** The library's entities: each key once, counted over articles, under its most-mentioned name. */
export function libraryEntities(entries: Iterable<TableEntry>): LibraryEntity[] {
  const byKey = new Map<string, LibraryEntity & { names: Map<string, number> }>();
  for (const { rows } of entries) {
    for (const [key, name, type, mentions] of rows) {
      let row = byKey.get(key);
      if (!row) {
        row = { key, name, type, articleCount: 0, mentionCount: 0, names: new Map() };
        byKey.set(key, row);
      }
      row.articleCount++;
      row.mentionCount += mentions;
      row.names.set(name, (row.names.get(name) ?? 0) + mentions);
    }
  }
  return [...byKey.values()]
    .map(({ names, ...row }) => ({ ...row, name: mostMentioned(names) ?? row.name }))
    .sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
}

function mostMentioned(names: Map<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const pair of names) if (!best || pair[1] > best[1]) best = pair;
  return best?.[0];
}
