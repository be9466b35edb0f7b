// The annotation operations of the contract: create/edit/delete/restore, library
// search and tags. ("Update from file…" re-anchors them: main/importing/.) Every change
// goes through LibraryStore.updateState, which serialises writes per article; the
// store counts summary.highlightCount from the stored annotations itself
// (orphans included: they are still the user's notes), so a highlight's save is
// one file.
import { HIGHLIGHT_COLORS } from '../model/contract';
import { randomUUID } from 'node:crypto';
import type {
  Annotation,
  AnnotationPatch,
  GlossApi,
  HighlightColor,
  LibraryAnnotationSearch,
  NewAnnotation,
} from '../model/contract';
import { LIMITS } from '../model/limits';
import { requireNumber, requireString, requireTags } from '../model/validate';
import { AppError } from '../model/errors';
import { ensure } from '../model/schema';
import { ANNOTATION_SHAPE } from '../model/shapes';
import { requireSummary } from '../storage/require-summary';
import type { LibraryStore } from '../storage/store-types';
import { anchorSelectors } from './anchor';
import { inDocumentOrder } from './document-order';
import { matchTerms } from './highlight-corpus';
import { createHighlightIndex } from './highlight-index';
import { describeRange } from './describe';

export interface AnnotationsServiceOptions {
  store: LibraryStore;
  clock?: () => Date;
  newId?: () => string;
}

export type AnnotationsService = Pick<
  GlossApi,
  | 'listAnnotations'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
  | 'searchAnnotations'
  | 'listTags'
>;

const COLORS: readonly HighlightColor[] = HIGHLIGHT_COLORS;
/** Highlights sent for one search unless more are asked for: a page of them, not the library's every one. */
const HITS_SENT = 200;

export function createAnnotationsService(options: AnnotationsServiceOptions): AnnotationsService {
  const { store } = options;
  const now = () => (options.clock ? options.clock() : new Date()).toISOString();
  const newId = options.newId ?? randomUUID;
  const index = createHighlightIndex(store);

  async function writeAnnotations(
    articleId: string,
    change: (list: Annotation[]) => Annotation[],
  ): Promise<Annotation[]> {
    const state = await store.updateState(articleId, (s) => ({ ...s, annotations: change(s.annotations) }));
    return state.annotations;
  }

  /**
   * Every highlight, as the Highlights view first asks for them: the page is filled from the first
   * articles alone, so on a first open after a restart it does not wait for every state file of a big
   * library. The articles past the page are counted from the index, or, until it has read them, from
   * the library's own count of each article's highlights.
   */
  async function firstPage(max: number): Promise<LibraryAnnotationSearch> {
    const found: LibraryAnnotationSearch = { hits: [], total: 0, articles: 0 };
    const summaries = store.listSummaries();
    let walked = 0;
    for await (const article of index.walk(summaries)) {
      walked++;
      if (article.annotations.length > 0) found.articles++;
      found.total += article.annotations.length;
      for (const annotation of article.annotations) {
        if (found.hits.length === max) break;
        found.hits.push({ article: { id: article.id, title: article.title }, annotation });
      }
      if (found.hits.length === max) break;
    }
    for (const summary of summaries.slice(walked)) {
      const count = index.countOf(summary);
      found.total += count;
      if (count > 0) found.articles++;
    }
    return found;
  }

  function notFound(title: string): AppError {
    return new AppError('not_found', `That highlight is no longer in “${title}”.`);
  }

  return {
    async listAnnotations({ articleId }) {
      requireSummary(store, articleId);
      const state = await store.getState(articleId);
      return inDocumentOrder(state.annotations);
    },

    async createAnnotation(input: NewAnnotation) {
      const summary = requireSummary(store, input.articleId);
      const color = checkColor(input.color);
      const { text } = await store.getContent(summary.id);
      const range = checkRange(text, input.start, input.end, summary.title);
      const stamp = now();
      const annotation: Annotation = {
        id: newId(),
        created: stamp,
        modified: stamp,
        target: { source: summary.id, selector: describeRange(text, range.start, range.end) },
        body: {
          color,
          note: requireString(input.note ?? '', 'A note', LIMITS.annotationNote),
          tags: normalizeTags(input.tags ?? []),
        },
        status: 'anchored',
      };
      await writeAnnotations(summary.id, (list) => [...list, annotation]);
      return annotation;
    },

    async updateAnnotation({ articleId, id, patch }) {
      const summary = requireSummary(store, articleId);
      const clean = checkPatch(patch);
      let updated: Annotation | undefined;
      await store.updateState(summary.id, (s) => ({
        ...s,
        annotations: s.annotations.map((a) => {
          if (a.id !== id) return a;
          updated = {
            ...a,
            modified: now(),
            body: {
              color: clean.color ?? a.body.color,
              note: clean.note ?? a.body.note,
              tags: clean.tags ?? a.body.tags,
            },
          };
          return updated;
        }),
      }));
      if (!updated) throw notFound(summary.title);
      return updated;
    },

    async deleteAnnotation({ articleId, id }) {
      const summary = requireSummary(store, articleId);
      let found = false;
      await writeAnnotations(summary.id, (list) =>
        list.filter((a) => {
          if (a.id !== id) return true;
          found = true;
          return false;
        }),
      );
      if (!found) throw notFound(summary.title);
    },

    async restoreAnnotation({ articleId, annotation }) {
      const summary = requireSummary(store, articleId);
      checkStoredAnnotation(annotation, summary.id);
      // The text may have changed since the delete; re-anchor only if it did.
      const { text } = await store.getContent(summary.id);
      const [pos, quote] = annotation.target.selector;
      const restored =
        annotation.status !== 'orphan' && text.slice(pos.start, pos.end) === quote.exact
          ? annotation
          : reanchorRestored(text, annotation);
      await writeAnnotations(summary.id, (list) => [...list.filter((a) => a.id !== restored.id), restored]);
      return restored;
    },

    async searchAnnotations({ query, limit }) {
      if (typeof query !== 'string') throw new AppError('invalid_input', 'The search needs some text.');
      const max = limit === undefined ? HITS_SENT : requireNumber(limit, 'The number of highlights', 1, 100_000);
      const terms = query
        .toLocaleLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .map((t) => t.replace(/^#/, ''));
      if (terms.length === 0) return firstPage(max);
      const found: LibraryAnnotationSearch = { hits: [], total: 0, articles: 0 };
      for (const block of await index.corpus()) {
        const matched = matchTerms(block, terms);
        let lastArticle = -1;
        for (let k = 0; k < matched.length; k++) {
          if (matched[k] !== terms.length) continue;
          found.total++;
          const owner = block.owner[k]!;
          if (owner !== lastArticle) {
            found.articles++;
            lastArticle = owner;
          }
          if (found.hits.length === max) continue;
          const article = block.articles[owner]!;
          const annotation = article.annotations[k - block.first[owner]!]!;
          found.hits.push({ article: { id: article.id, title: article.title }, annotation });
        }
      }
      return found;
    },

    /** One tag space: highlights' tags and articles' tags complete and search alike. */
    async listTags() {
      const tags = new Map<string, string>(); // case-folded → first spelling seen
      for (const { annotations } of await index.articles()) {
        for (const a of annotations) {
          for (const t of a.body.tags) if (!tags.has(t.toLocaleLowerCase())) tags.set(t.toLocaleLowerCase(), t);
        }
      }
      for (const summary of store.listSummaries()) {
        for (const t of summary.tags) if (!tags.has(t.toLocaleLowerCase())) tags.set(t.toLocaleLowerCase(), t);
      }
      return [...tags.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
    },
  };
}

function reanchorRestored(text: string, annotation: Annotation): Annotation {
  const found = anchorSelectors(text, annotation.target.selector);
  if (!found) return { ...annotation, status: 'orphan' };
  return {
    ...annotation,
    target: { ...annotation.target, selector: describeRange(text, found.start, found.end) },
    status: found.status,
  };
}

function checkColor(color: unknown): HighlightColor {
  if (typeof color !== 'string' || !COLORS.includes(color as HighlightColor)) {
    throw new AppError('invalid_input', `“${String(color)}” is not a highlight color.`);
  }
  return color as HighlightColor;
}

// The selection often carries the whitespace around a paragraph; a highlight is
// of words, so trim it (and refuse a selection of nothing but whitespace).
function checkRange(text: string, start: unknown, end: unknown, title: string): { start: number; end: number } {
  if (
    typeof start !== 'number' ||
    typeof end !== 'number' ||
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > text.length ||
    start >= end
  ) {
    throw new AppError('invalid_input', `That selection is not inside the text of “${title}”.`);
  }
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s === e) throw new AppError('invalid_input', `Select some words of “${title}” to highlight.`);
  return { start: s, end: e };
}

function normalizeTags(tags: unknown): string[] {
  if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string')) {
    throw new AppError('invalid_input', 'Tags must be a list of words.');
  }
  requireTags(tags);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags as string[]) {
    const tag = raw.trim().replace(/^#+/, '').replace(/\s+/g, '-');
    if (!tag || seen.has(tag.toLocaleLowerCase())) continue;
    seen.add(tag.toLocaleLowerCase());
    out.push(tag);
  }
  return out;
}

function checkPatch(patch: unknown): AnnotationPatch {
  if (typeof patch !== 'object' || patch === null) throw new AppError('invalid_input', 'Nothing to change was given.');
  const p = patch as AnnotationPatch;
  return {
    ...(p.color !== undefined ? { color: checkColor(p.color) } : {}),
    ...(p.note !== undefined ? { note: requireString(p.note, 'A note', LIMITS.annotationNote) } : {}),
    ...(p.tags !== undefined ? { tags: normalizeTags(p.tags) } : {}),
  };
}

function checkStoredAnnotation(a: unknown, articleId: string): asserts a is Annotation {
  const sentence = 'That highlight cannot be restored: its record is incomplete.';
  const annotation = ensure<Annotation>(ANNOTATION_SHAPE, a, sentence);
  const [position] = annotation.target.selector;
  const whole = Number.isInteger(position.start) && Number.isInteger(position.end);
  if (annotation.id === '' || annotation.target.source !== articleId || !whole) {
    throw new AppError('invalid_input', sentence);
  }
}
