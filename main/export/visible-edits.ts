// Before a re-export replaces a file, the edits the user made to it (in
// Obsidian or any editor) are taken in, so that nothing a person typed is lost:
// - an edited footnote or highlight item (note, color, tags), the article note
//   callout and the front matter tags update the annotations and the article
//   ("your visible edit wins", as on import);
// - a new `==mark==` over article text becomes a highlight (its footnote, if
//   the user wrote one, gives its color, tags and note);
// - marks the user removed are reported (the highlight stays in Gloss).
// What Gloss wrote last time is re-rendered from the file's own data block, so
// that every line the user changed is known; `linesNotKept` lists those the
// new file does not reproduce (free text in the body, …), which the caller
// keeps in a copy of the previous file.
import type { Annotation, Article, Entity, ExportOptions } from '../model/contract';
import { anchorSelectors } from '../annotations/anchor';
import { splitFrontMatter } from './front-matter';
import { readGlossData, type DataAnnotation, type GlossData } from './gloss-data';
import { exportArticleMarkdown } from './markdown-export';
import { readExportedMarkdown, visibleMarks } from './read-exported-markdown';
import type { VisibleHighlight } from './read-visible-highlights';
import { USER_END, USER_START } from './user-sections';

export interface TakenEdits {
  /** The article's annotations with the file's edits applied and its new highlights added. */
  annotations: Annotation[];
  note: string;
  tags: string[];
  /** Annotations whose note, color or tags came from the file. */
  edited: string[];
  added: Annotation[];
  /** Highlights whose marks the user removed from the file; they are still in Gloss. */
  removedMarks: Annotation[];
  noteEdited: boolean;
  tagsEdited: boolean;
  /** What Gloss wrote last time (from the file's data block), or null when the file has none. */
  previous: string | null;
}

/** True when `existing` is an export Gloss wrote of this article (its front matter id, or its data block's). */
export function isExportOf(existing: string, articleId: string): boolean {
  const fm = splitFrontMatter(existing);
  const data = readGlossData(existing.replace(/\r\n?/g, '\n'));
  if (fm?.fields.gloss_export !== undefined && typeof fm.fields.id === 'string') return fm.fields.id === articleId;
  return data?.id === articleId;
}

export function takeVisibleEdits(input: {
  existing: string;
  article: Article;
  annotations: Annotation[];
  entities: Entity[];
  options: ExportOptions;
  now: string;
  newId: () => string;
  /**
   * The annotations already placed in `article.text` (an import re-anchors the
   * data block's into the text it made): their offsets replace the data block's.
   */
  anchored?: Annotation[];
}): TakenEdits {
  const { existing, article, now } = input;
  const text = existing.replace(/\r\n?/g, '\n');
  const data = readGlossData(text);
  if (data && input.anchored) {
    const placed = new Map(input.anchored.map((a) => [a.id, a]));
    data.annotations = data.annotations.map((a) => {
      const p = placed.get(a.id);
      if (!p) return a;
      const [pos, quote] = p.target.selector;
      return {
        ...a,
        status: p.status,
        start: pos.start,
        end: pos.end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
      };
    });
  }
  const back = readExportedMarkdown(text);
  const result: TakenEdits = {
    annotations: input.annotations,
    note: article.note,
    tags: article.tags,
    edited: [],
    added: [],
    removedMarks: [],
    noteEdited: false,
    tagsEdited: false,
    previous: null,
  };
  if (!data || !back) return result;

  const byId = new Map(data.annotations.map((a) => [a.id, a]));
  const visible = new Map(back.annotations.map((a) => [a.id, a.body]));
  result.annotations = input.annotations.map((a) => {
    const was = byId.get(a.id);
    const now_ = visible.get(a.id);
    if (!was || !now_ || sameBody(now_, was)) return a;
    result.edited.push(a.id);
    return { ...a, body: now_, modified: now };
  });
  if (back.note !== data.note) {
    result.note = back.note;
    result.noteEdited = true;
  }
  if (JSON.stringify(back.tags) !== JSON.stringify(data.tags)) {
    result.tags = back.tags;
    result.tagsEdited = true;
  }

  const previous = previousExport(input, data, back.meta.exported ?? now);
  result.previous = previous;
  if (data.mode === 'full') {
    const marks = visibleMarks(text).map((m) => place(article.text, m));
    const before = visibleMarks(previous).map((m) => place(article.text, m));
    const overlaps = (r: Span, list: Array<Span | null>): boolean =>
      list.some((x) => x !== null && x.start < r.end && r.start < x.end);
    for (const m of marks) {
      if (
        !m ||
        overlaps(m, before) ||
        overlaps(
          m,
          result.added.map((a) => a.target.selector[0]),
        )
      )
        continue;
      result.added.push(newHighlight(article, m, now, input.newId()));
    }
    const current = new Set(result.annotations.map((a) => a.id));
    for (const a of data.annotations) {
      const r = { start: a.start, end: a.end };
      if (a.status === 'orphan' || !current.has(a.id) || !overlaps(r, before) || overlaps(r, marks)) continue;
      result.removedMarks.push(result.annotations.find((x) => x.id === a.id)!);
    }
    result.annotations = [...result.annotations, ...result.added];
  }
  return result;
}

interface Span {
  start: number;
  end: number;
}

interface Range extends Span {
  mark: VisibleHighlight;
}

function place(text: string, m: VisibleHighlight): Range | null {
  const found = anchorSelectors(text, [
    { type: 'TextPositionSelector', start: m.start, end: m.end },
    { type: 'TextQuoteSelector', exact: m.exact, prefix: m.prefix, suffix: m.suffix },
  ]);
  return found ? { start: found.start, end: found.end, mark: m } : null;
}

function newHighlight(article: Article, r: Range, now: string, id: string): Annotation {
  const t = article.text;
  return {
    id,
    created: now,
    modified: now,
    status: 'anchored',
    body: { color: r.mark.color, note: r.mark.note, tags: r.mark.tags },
    target: {
      source: article.id,
      selector: [
        { type: 'TextPositionSelector', start: r.start, end: r.end },
        {
          type: 'TextQuoteSelector',
          exact: t.slice(r.start, r.end),
          prefix: t.slice(Math.max(0, r.start - 32), r.start),
          suffix: t.slice(r.end, r.end + 32),
        },
      ],
    },
  };
}

function sameBody(a: Annotation['body'], b: DataAnnotation): boolean {
  return a.color === b.color && a.note === b.note && JSON.stringify(a.tags) === JSON.stringify(b.tags);
}

/** The file as Gloss wrote it, rebuilt from its data block over today's article. */
function previousExport(
  input: { article: Article; entities: Entity[]; options: ExportOptions },
  data: GlossData,
  exported: string,
): string {
  const annotations: Annotation[] = data.annotations.map((a) => ({
    id: a.id,
    created: a.created,
    modified: a.modified,
    status: a.status,
    body: { color: a.color, note: a.note, tags: a.tags },
    target: {
      source: input.article.id,
      selector: [
        { type: 'TextPositionSelector', start: a.start, end: a.end },
        { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix },
      ],
    },
  }));
  return exportArticleMarkdown({
    article: { ...input.article, note: data.note, tags: data.tags },
    annotations,
    entities: input.entities,
    options: { ...input.options, mode: data.mode },
    exported,
  }).markdown;
}

// Lines that are Gloss's by shape even when their content changed since (an
// entity's mention count, a color group heading, the export time).
const GLOSS_SHAPED =
  /^(- .* \(\d+ mentions?\)|### (People|Organizations|Places|Figures|Timeline|Yellow|Green|Blue|Pink|Purple)|exported: .*)$/;

/** A line's content for comparing: marks and footnote numbers are Gloss's, not the user's. */
function key(line: string): string {
  return line
    .replace(/==/g, '')
    .replace(/\[\^\d+\]/g, '')
    .trim();
}

function contentLines(markdown: string): string[] {
  const out: string[] = [];
  let inUser = false;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('%% gloss:data')) break;
    if (line.trim() === USER_START) inUser = true;
    else if (line.trim() === USER_END) inUser = false;
    else if (!inUser && line.trim() && !GLOSS_SHAPED.test(line)) out.push(key(line));
  }
  return out;
}

function withoutAll(lines: string[], remove: string[]): string[] {
  const count = new Map<string, number>();
  for (const l of remove) count.set(l, (count.get(l) ?? 0) + 1);
  return lines.filter((l) => {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    return n === 0;
  });
}

/**
 * Lines the user wrote in `existing` (outside user sections) that `next` does
 * not reproduce: they would be lost if the file were simply replaced.
 */
export function linesNotKept(existing: string, previous: string | null, next: string): string[] {
  const mine = previous === null ? contentLines(existing) : withoutAll(contentLines(existing), contentLines(previous));
  return withoutAll(mine, contentLines(next));
}
