// An in-memory LibraryStore for this folder's tests and bench. It copies state
// in and out (as JSON would) so tests catch services that mutate shared objects,
// and counts highlights from the state as the file store does.
import type { ArticleSummary, Notice, ReaderSettings, StoredCorrection } from '../../main/model/contract';
import { AppError } from '../../main/model/errors';
import type {
  ArticleContent,
  ArticleState,
  LibraryStore,
  NewStoredArticle,
  TextUpdate,
} from '../../main/storage/store-types';

interface Entry {
  summary: ArticleSummary;
  content: ArticleContent;
  state: ArticleState;
  source: { bytes: Uint8Array; ext: string };
  trashed: boolean;
}

const copy = <T>(v: T): T => structuredClone(v);

export function createMemoryStore(): LibraryStore & { writes: number } {
  const entries = new Map<string, Entry>();
  const versions = new Map<string, number>();
  const textVersions = new Map<string, number>();
  const newText = (id: string) => textVersions.set(id, (textVersions.get(id) ?? 0) + 1);
  let trashChanges = 0;
  const notices: Notice[] = [];
  let settings: ReaderSettings = {
    theme: 'light',
    font: 'serif',
    fontSize: 18,
    lineHeight: 1.6,
    librarySort: 'added',
    lastColor: 'yellow',
  };
  let corrections: StoredCorrection[] = [];
  const live = (id: string): Entry => {
    const e = entries.get(id);
    if (!e) throw new AppError('not_found', 'That article is no longer in the library.');
    return e;
  };
  const store = {
    dir: ':memory:',
    readOnly: false,
    writes: 0,
    listSummaries: () => [...entries.values()].filter((e) => !e.trashed).map((e) => copy(e.summary)),
    getSummary: (id: string) => {
      const e = entries.get(id);
      return e && !e.trashed ? copy(e.summary) : undefined;
    },
    findBySourceSha256: (sha: string) =>
      [...entries.values()].find((e) => !e.trashed && e.summary.sourceSha256 === sha)?.summary,
    async addArticle(a: NewStoredArticle) {
      versions.set(a.summary.id, (versions.get(a.summary.id) ?? 0) + 1);
      newText(a.summary.id);
      entries.set(a.summary.id, {
        summary: { ...copy(a.summary), highlightCount: a.state?.annotations.length ?? 0 },
        content: copy(a.content),
        state: copy(a.state ?? { annotations: [], note: '', position: 0 }),
        source: a.source,
        trashed: false,
      });
    },
    async updateSummary(id: string, patch: Partial<Omit<ArticleSummary, 'id'>>) {
      const e = live(id);
      const { highlightCount: _derived, ...rest } = patch;
      e.summary = { ...e.summary, ...copy(rest) };
      store.writes++;
      return copy(e.summary);
    },
    async updateText(id: string, update: TextUpdate) {
      const e = live(id);
      const oldText = e.content.text;
      e.content = copy(update.content);
      newText(id);
      if (update.source) e.source = update.source;
      if (update.state) e.state = copy(update.state(copy(e.state), oldText));
      versions.set(id, (versions.get(id) ?? 0) + 1);
      const { highlightCount: _derived, ...rest } = update.summary ?? {};
      e.summary = { ...e.summary, ...copy(rest), highlightCount: e.state.annotations.length };
      store.writes++;
      return { summary: copy(e.summary), state: copy(e.state) };
    },
    getContent: async (id: string) => copy(live(id).content),
    async replaceContent(id: string, content: ArticleContent, source?: { bytes: Uint8Array; ext: string }) {
      const e = live(id);
      e.content = copy(content);
      newText(id);
      if (source) e.source = source;
      store.writes++;
    },
    getState: async (id: string) => copy(live(id).state),
    stateVersion: (id: string) => versions.get(id) ?? 0,
    stateStamp: async (id: string) => (entries.has(id) ? `v${versions.get(id) ?? 0}` : null),
    contentStamp: async (id: string) => (entries.has(id) ? `t${textVersions.get(id) ?? 0}` : null),
    changeCount: () => store.writes + [...versions.values()].reduce((a, b) => a + b, 0) + trashChanges,
    async updateState(id: string, change: (s: ArticleState) => ArticleState) {
      const e = live(id);
      e.state = copy(change(copy(e.state)));
      versions.set(id, (versions.get(id) ?? 0) + 1);
      e.summary = { ...e.summary, highlightCount: e.state.annotations.length };
      store.writes++;
      return copy(e.state);
    },
    readSource: async (id: string) => live(id).source,
    async trashArticle(id: string) {
      trashChanges++;
      live(id).trashed = true;
    },
    async restoreArticle(id: string) {
      trashChanges++;
      const e = live(id);
      e.trashed = false;
      return copy(e.summary);
    },
    getSettings: () => copy(settings),
    async updateSettings(patch: Partial<ReaderSettings>) {
      settings = { ...settings, ...patch };
      return copy(settings);
    },
    getCorrections: () => copy(corrections),
    async setCorrections(c: StoredCorrection[]) {
      corrections = copy(c);
    },
    takeNotices: (): Notice[] => notices.splice(0),
    notify(level: Notice['level'], message: string) {
      notices.push({ id: `memory-${notices.length}`, level, message });
    },
    flush: async () => {},
    close: async () => {},
  };
  return store;
}

export function summaryFor(id: string, title: string, over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id,
    title,
    author: null,
    site: null,
    published: null,
    source: null,
    sourceUrl: null,
    format: 'txt',
    added: '2026-11-27T00:00:00.000Z',
    wordCount: 0,
    readingMinutes: 0,
    language: 'en',
    tags: [],
    progress: 0,
    highlightCount: 0,
    shelf: 'inbox',
    favorite: false,
    opened: null,
    sourceSha256: `sha-${id}`,
    ...over,
  };
}
