// The entity operations of GlossApi: extraction cached per article text, the user's
// corrections stored in the library and applied on every read.
import { ENTITY_TYPES } from '../model/contract';
import { randomUUID } from 'node:crypto';
import type {
  ArticleSummary,
  Entity,
  EntityCorrection,
  EntityOccurrence,
  EntityType,
  GlossApi,
  StoredCorrection,
} from '../model/contract';
import { AppError } from '../model/errors';
import type { DerivedCache } from '../storage/derived-cache';
import type { LibraryStore } from '../storage/store-types';
import type { ExtractFn } from './entity-runner';
import { applyCorrections } from './apply-corrections';
import { sentenceAround, sentenceRanges } from './sentence-ranges';
import { libraryEntities, type KeptTable } from './library-entity-table';
import { libraryEntityRows } from './library-entity-rows';

export type EntitiesService = Pick<
  GlossApi,
  | 'getEntities'
  | 'correctEntity'
  | 'listCorrections'
  | 'undoCorrection'
  | 'listLibraryEntities'
  | 'getEntityOccurrences'
>;

interface Cached {
  textSha256: string;
  /** Cheap check for the library-wide views, which should not re-read every article. */
  sourceSha256: string;
  text: string;
  extracted: Entity[];
  /** Which list of corrections `corrected` reflects (their ids, in order). */
  correctionsSig: string;
  corrected: Entity[] | null;
  sentences: Array<[number, number]> | null;
}

const TYPES: readonly EntityType[] = ENTITY_TYPES;

export interface EntitiesServiceDeps {
  store: LibraryStore;
  /** Extraction, off the main thread in the app (./entity-runner.ts); in-process by default. */
  extract?: ExtractFn;
  /** Extracted entities kept across runs, keyed by what they were computed from. */
  persisted?: DerivedCache<Entity[]>;
  /** Names the extractor (app version, model digest): a new one computes every article again. */
  extractorKey?: () => string;
  /** The library's entity table kept across runs (library-entity-rows.ts). */
  keptTable?: DerivedCache<KeptTable>;
  /** The articles whose text may hold a name (the search index), so an added entity is looked for there only. */
  mayHold?: (name: string) => Promise<Set<string> | null>;
}

// In-process extraction loads the tagger and chrono-node on first use, not with the service.
/** How long imports must be quiet before articles just imported are tagged ahead of their first view. */
const PREFETCH_QUIET_MS = 3000;

const extractHere: ExtractFn = async (text, options) =>
  (await import('./extract-entities')).extractEntities(text, options);

export function createEntitiesService(deps: EntitiesServiceDeps): EntitiesService & {
  /** Extracts an article's entities ahead of its first view (after an import); errors are ignored. */
  prefetch(articleId: string): void;
  /** The names of an article's entities when already extracted (in memory or kept); null otherwise. */
  peekNames(articleId: string): Promise<string[] | null>;
  /** Resolves once the library's entity table last computed is on disk. */
  tableSaved(): Promise<void>;
} {
  const { store } = deps;
  const extract = deps.extract ?? extractHere;
  const cache = new Map<string, Cached>();
  const pending = new Map<string, Promise<Cached>>();
  const queued = new Set<string>();
  let prefetchTimer: ReturnType<typeof setTimeout> | null = null;

  async function drainPrefetch(): Promise<void> {
    prefetchTimer = null;
    for (const id of [...queued]) {
      queued.delete(id);
      // Nothing waits for it: a failure here is met again, and reported, when the article is opened.
      await entry(id, false).catch(() => undefined);
    }
  }
  // A signature rather than a counter, so corrections changed by anyone else (an import,
  // another window) are noticed too.
  const correctionsSig = (list: StoredCorrection[]): string => list.map((c) => c.id).join(',');

  const summaryOf = (articleId: string) => {
    const summary = store.getSummary(articleId);
    if (!summary) throw new AppError('not_found', `The article "${articleId}" is not in the library.`);
    return summary;
  };

  async function entry(articleId: string, verify: boolean): Promise<Cached> {
    const summary = summaryOf(articleId);
    const hit = cache.get(articleId);
    if (hit && !verify && hit.sourceSha256 === summary.sourceSha256) return hit;
    const content = await store.getContent(articleId);
    if (hit && hit.textSha256 === content.textSha256) {
      hit.sourceSha256 = summary.sourceSha256;
      return hit;
    }
    // One extraction per article at a time: a second view waits for the first's result.
    const running = pending.get(articleId);
    if (running) return running;
    const job = computed(summary, content).finally(() => pending.delete(articleId));
    pending.set(articleId, job);
    return job;
  }

  const referenceDateOf = (summary: ArticleSummary) =>
    summary.published && !Number.isNaN(Date.parse(summary.published)) ? summary.published : null;
  const inputKeyOf = (summary: ArticleSummary, textSha256: string) =>
    [deps.extractorKey?.() ?? '', referenceDateOf(summary) ?? '', textSha256].join('|');

  async function computed(summary: ArticleSummary, content: { text: string; textSha256: string }): Promise<Cached> {
    const referenceDate = referenceDateOf(summary);
    const inputKey = inputKeyOf(summary, content.textSha256);
    let extracted = await deps.persisted?.read(summary.id, inputKey).catch(() => null);
    if (!extracted) {
      extracted = await extract(content.text, { referenceDate });
      // The cache only saves time: a failed write (read-only library, disk full) costs a recomputation.
      await deps.persisted?.write(summary.id, inputKey, extracted).catch(() => undefined);
    }
    const fresh: Cached = {
      textSha256: content.textSha256,
      sourceSha256: summary.sourceSha256,
      text: content.text,
      extracted,
      correctionsSig: '\u0000',
      corrected: null,
      sentences: null,
    };
    cache.set(summary.id, fresh);
    return fresh;
  }

  function corrected(c: Cached, list: StoredCorrection[] = store.getCorrections()): Entity[] {
    const sig = correctionsSig(list);
    if (!c.corrected || c.correctionsSig !== sig) {
      c.corrected = applyCorrections(c.extracted, list, c.text);
      c.correctionsSig = sig;
    }
    return c.corrected;
  }

  const table = libraryEntityRows({
    store,
    kept: deps.keptTable,
    ...(deps.mayHold ? { mayHold: deps.mayHold } : {}),
    extractorKey: () => deps.extractorKey?.() ?? '',
    inputOf: (summary) => referenceDateOf(summary) ?? '',
    async compute(id, corrections) {
      const c = await entry(id, true);
      const seen = new Set<string>();
      c.corrected = applyCorrections(c.extracted, corrections, c.text, seen);
      c.correctionsSig = correctionsSig(corrections);
      return { entities: c.corrected, seen };
    },
  });

  /** The corrected entities of the articles that mention `key`, yielding between articles so other requests get served. */
  async function* articlesWith(
    key: string,
  ): AsyncGenerator<{ id: string; title: string; c: Cached; entities: Entity[] }> {
    const rows = await table.current();
    // One copy of the corrections for the whole walk, not one per article.
    const corrections = store.getCorrections();
    for (const summary of store.listSummaries()) {
      if (!rows.get(summary.id)?.rows.some((r) => r[0] === key)) continue;
      let c: Cached;
      try {
        c = await entry(summary.id, false);
      } catch {
        continue; // an unreadable article is reported where it is opened, not here
      }
      yield { id: summary.id, title: summary.title, c, entities: corrected(c, corrections) };
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  return {
    tableSaved: () => table.saved(),

    async peekNames(articleId) {
      const summary = store.getSummary(articleId);
      if (!summary) return null;
      const hit = cache.get(articleId);
      if (hit && hit.sourceSha256 === summary.sourceSha256) return corrected(hit).map((e) => e.name);
      if (!deps.persisted) return null;
      const content = await store.getContent(articleId);
      const kept = await deps.persisted.read(articleId, inputKeyOf(summary, content.textSha256));
      return kept ? applyCorrections(kept, store.getCorrections(), content.text).map((e) => e.name) : null;
    },

    prefetch(articleId) {
      queued.add(articleId);
      // Waits until imports have been quiet for a moment, so a batch of imports is not slowed by tagging.
      if (prefetchTimer) clearTimeout(prefetchTimer);
      prefetchTimer = setTimeout(() => void drainPrefetch(), PREFETCH_QUIET_MS);
      prefetchTimer.unref();
    },

    async getEntities({ articleId }) {
      return structuredClone(corrected(await entry(articleId, true)));
    },

    async correctEntity({ correction }) {
      const stored: StoredCorrection = {
        id: randomUUID(),
        created: new Date().toISOString(),
        correction: checked(correction),
      };
      await store.setCorrections([...store.getCorrections(), stored]);
      return stored;
    },

    async listCorrections() {
      return store.getCorrections();
    },

    async undoCorrection({ id }) {
      const list = store.getCorrections();
      if (!list.some((c) => c.id === id)) throw new AppError('not_found', 'That entity correction no longer exists.');
      await store.setCorrections(list.filter((c) => c.id !== id));
    },

    async listLibraryEntities() {
      return libraryEntities((await table.current()).values());
    },

    async getEntityOccurrences({ key }) {
      if (typeof key !== 'string' || !key.includes(':'))
        throw new AppError('invalid_input', 'An entity key looks like "person:name".');
      const out: EntityOccurrence[] = [];
      for await (const { id, title, c, entities } of articlesWith(key)) {
        const e = entities.find((x) => x.key === key);
        if (!e) continue;
        c.sentences ??= sentenceRanges(c.text);
        for (const mention of e.mentions) {
          out.push({
            article: { id, title },
            mention,
            sentence: sentenceAround(c.text, c.sentences, mention.start, mention.end),
          });
        }
      }
      return out;
    },
  };
}

function checked(c: EntityCorrection): EntityCorrection {
  const bad = (what: string): never => {
    throw new AppError('invalid_input', `This entity correction is incomplete: ${what}.`);
  };
  const str = (v: unknown, what: string): string => (typeof v === 'string' && v.trim() !== '' ? v.trim() : bad(what));
  const type = (v: unknown): EntityType =>
    TYPES.includes(v as EntityType) ? (v as EntityType) : bad('the type is not one of ' + TYPES.join(', '));
  if (!c || typeof c !== 'object') return bad('no correction was given');
  switch (c.kind) {
    case 'add':
      return { kind: 'add', name: str(c.name, 'the name is empty'), type: type(c.type) };
    case 'rename':
      return { kind: 'rename', key: str(c.key, 'no entity key'), name: str(c.name, 'the new name is empty') };
    case 'retype':
      return { kind: 'retype', key: str(c.key, 'no entity key'), type: type(c.type) };
    case 'merge':
      return { kind: 'merge', key: str(c.key, 'no entity key'), into: str(c.into, 'no entity to merge into') };
    case 'split':
      return { kind: 'split', key: str(c.key, 'no entity key'), alias: str(c.alias, 'no alias to split off') };
    case 'hide':
      return { kind: 'hide', key: str(c.key, 'no entity key') };
    default:
      return bad('unknown kind of correction');
  }
}
