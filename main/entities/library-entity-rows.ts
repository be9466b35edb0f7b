// The library's entity table (library-entity-table.ts) brought up to date: loaded once from
// cache/, each article checked by its text file's stamp, only the articles whose text, date or
// corrections changed computed again, and written back when anything did.
import type { ArticleSummary, Entity, StoredCorrection } from '../model/contract';
import type { DerivedCache } from '../storage/derived-cache';
import type { LibraryStore } from '../storage/store-types';
import { staleOf, tableEntry, untouched, type KeptTable, type TableEntry } from './library-entity-table';

export interface LibraryRowsDeps {
  store: LibraryStore;
  /** Where the table is kept between runs; without it the table lives in memory only. */
  kept?: DerivedCache<KeptTable>;
  /** Names the extractor: a table from another one is not read. */
  extractorKey: () => string;
  /** What an article's entities depend on besides its text (the reference date for relative dates). */
  inputOf: (summary: ArticleSummary) => string;
  /** The article's corrected entities computed from its text, and the keys seen on the way. */
  compute: (id: string, corrections: StoredCorrection[]) => Promise<{ entities: Entity[]; seen: Set<string> }>;
  /** The articles whose text may hold `name` (a superset), or null when not known: all are computed again. */
  mayHold?: (name: string) => Promise<Set<string> | null>;
}

const KEPT_ID = 'library';
/** Text files stamped at once. */
const STAT_BATCH = 64;

const turn = () => new Promise((resolve) => setImmediate(resolve));

export function libraryEntityRows(deps: LibraryRowsDeps) {
  const { store } = deps;
  let table: KeptTable | null = null;
  let refreshing: Promise<Map<string, TableEntry>> | null = null;
  let saving: Promise<void> = Promise.resolve();

  async function load(): Promise<KeptTable> {
    // A missing or damaged table is only a slower first open: every article is computed again.
    const kept = await deps.kept?.read(KEPT_ID, deps.extractorKey()).catch(() => null);
    return kept ?? { corrections: [], entries: {} };
  }

  async function stamps(ids: string[]): Promise<(string | null)[]> {
    const out: (string | null)[] = [];
    for (let i = 0; i < ids.length; i += STAT_BATCH) {
      out.push(...(await Promise.all(ids.slice(i, i + STAT_BATCH).map((id) => store.contentStamp(id)))));
    }
    return out;
  }

  /** The keys, and the articles, the change of corrections touches; 'all' when not known. */
  async function touched(
    before: StoredCorrection[],
    now: StoredCorrection[],
  ): Promise<{ keys: Set<string>; ids: Set<string> } | 'all'> {
    const stale = staleOf(before, now);
    if (stale === 'all') return 'all';
    const ids = new Set<string>();
    for (const name of stale.names) {
      const holding = (await deps.mayHold?.(name)) ?? null;
      if (!holding) return 'all';
      for (const id of holding) ids.add(id);
    }
    return { keys: stale.keys, ids };
  }

  async function refresh(): Promise<Map<string, TableEntry>> {
    table ??= await load();
    const corrections = store.getCorrections();
    const stale = await touched(table.corrections, corrections);
    const summaries = store.listSummaries();
    const stamped = await stamps(summaries.map((s) => s.id));
    const fresh = new Map<string, TableEntry>();
    const ids = (list: StoredCorrection[]) => list.map((c) => c.id).join(',');
    // New corrections are written even when they touched no article: the next start then has nothing to compare.
    let changed = summaries.length !== Object.keys(table.entries).length || ids(table.corrections) !== ids(corrections);
    for (const [i, summary] of summaries.entries()) {
      const stamp = stamped[i];
      if (stamp == null) continue; // no text file: the article reports why where it is opened
      const input = `${deps.inputOf(summary)}|${stamp}`;
      const had = table.entries[summary.id];
      if (had && had.input === input && stale !== 'all' && untouched(had, stale.keys) && !stale.ids.has(summary.id)) {
        fresh.set(summary.id, had);
        continue;
      }
      try {
        const { entities, seen } = await deps.compute(summary.id, corrections);
        fresh.set(summary.id, tableEntry(input, entities, seen));
        changed = true;
      } catch {
        // An unreadable article is reported where it is opened, not here; it is tried again next time.
        changed = true;
      }
      if (fresh.size % STAT_BATCH === 0) await turn();
    }
    table = { corrections, entries: Object.fromEntries(fresh) };
    if (changed) save(table);
    return fresh;
  }

  function save(value: KeptTable): void {
    const { kept } = deps;
    if (!kept) return;
    // The table only saves time: a failed write (read-only library, full disk) costs a slower next start.
    saving = saving.then(() => kept.write(KEPT_ID, deps.extractorKey(), value)).catch(() => undefined);
  }

  return {
    /** Every article's entry, up to date; calls made meanwhile share one refresh. */
    current(): Promise<Map<string, TableEntry>> {
      refreshing ??= refresh().finally(() => (refreshing = null));
      return refreshing;
    },
    /** Resolves once the table last computed is on disk (for tests and a clean shutdown). */
    saved: (): Promise<void> => saving,
  };
}
