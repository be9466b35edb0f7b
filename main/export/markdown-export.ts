// One article as annotated Markdown for Obsidian and any CommonMark reader.
//
// Layout (both modes):
//   front matter (id, title, …, source_sha256, text_sha256)
//   # Title
//   > [!note] Article note          (the article-level note, when there is one)
//   %% gloss:user-start %% … %% gloss:user-end %%   (kept across re-exports)
//   full mode:       %% gloss:body-start %% body with ==marks==[^n] %% gloss:body-end %%, then footnotes
//   highlights mode: ## Highlights, one blockquote item per highlight (### per color when grouped)
//   ## Entities, ## Orphaned highlights
//   %% gloss:data ```json … ``` %%  (a lossless copy of the annotations)
//
// Same input, same output: everything is sorted by stable keys, and only the
// `exported` field depends on the clock.
import type { Annotation, Article, Entity, ExportOptions, MarkdownFile } from '../model/contract';
import { entitiesSection, type EntityLinks } from './entities-section';
import { articleFileName } from './file-names';
import { obsidianDate, writeFrontMatter } from './front-matter';
import { obsidianTags } from './obsidian-tags';
import { DATA_START, writeGlossData, type DataAnnotation } from './gloss-data';
import { SentinelPlacer, type PlacedHighlight } from './highlight-sentinels';
import { domToMarkdown } from './html-to-markdown';
import {
  COLOR_ORDER,
  blockIds,
  footnoteBody,
  footnoteDefinition,
  highlightItem,
  needsFootnote,
} from './highlight-items';
import { replaceSentinels } from './mark-delimiters';
import { escapeInlineLine } from './markdown-escape';
import { neutraliseNoteMarkdown } from './note-markdown';
import { pageAt, pageStarts } from '../import/pdf/pdf-article';
import { parseBody } from './parse-html';
import { EMPTY_USER_SECTION, extractUserSections, mergeUserSections } from './user-sections';

export const BODY_START = '%% gloss:body-start %%';
export const BODY_END = '%% gloss:body-end %%';
const PAGE_LABEL = /^Page (\d+)$/;
export const NOTE_CALLOUT = '> [!note] Article note';
export const HIGHLIGHTS_HEADING = '## Highlights';
export const ORPHANS_HEADING = '## Orphaned highlights';
const FORMAT_VERSION = 1;

export interface ExportArticleInput {
  article: Article;
  annotations: Annotation[];
  entities: Entity[];
  options?: ExportOptions;
  /** ISO timestamp written as `exported`. */
  exported: string;
  /** The file already on disk, whose user sections are kept. */
  existing?: string;
  /** Wikilink targets of entity notes (a vault export), by entity key. */
  entityLinks?: EntityLinks;
}

export function exportArticleMarkdown(input: ExportArticleInput): MarkdownFile {
  const { article, options = {} } = input;
  const mode = options.mode ?? 'full';
  const annotations = sortAnnotations(input.annotations);
  const placeable = (a: Annotation): boolean => {
    const p = a.target.selector[0];
    return (
      a.status !== 'orphan' &&
      Number.isInteger(p.start) &&
      Number.isInteger(p.end) &&
      p.start >= 0 &&
      p.start < p.end &&
      p.end <= article.text.length
    );
  };
  let anchored = annotations.filter(placeable);
  const orphans = annotations.filter((a) => !placeable(a));
  const blocks = blockIds(annotations.map((a) => a.id));

  // Full mode places highlights in the parsed body; one that cannot be found
  // there (an HTML whose text drifted from the canonical text) is listed with the orphans.
  const body = mode === 'full' ? locateInBody(article, anchored) : null;
  if (body) {
    orphans.push(...anchored.filter((a) => !body.ranges.has(a.id)));
    anchored = anchored.filter((a) => body.ranges.has(a.id));
  }
  const footnotes = new Map<string, number>();
  if (body) {
    const end = (a: Annotation): number => body.ranges.get(a.id)!.end;
    const start = (a: Annotation): number => body.ranges.get(a.id)!.start;
    const withNote = anchored
      .filter((a) => needsFootnote(a.body))
      .sort((a, b) => end(a) - end(b) || start(a) - start(b) || cmp(a.id, b.id));
    withNote.forEach((a, i) => footnotes.set(a.id, i + 1));
  }

  const parts: string[] = [
    frontMatter(article, input.exported, mode, options.sourcePath === true),
    `# ${escapeInlineLine(article.title) || 'Untitled'}`,
  ];
  const note = neutraliseNoteMarkdown(article.note.trim());
  if (note) parts.push(calloutLines(note));
  const userSectionAt = parts.length;

  if (body) {
    const placed = anchored.map((a) => ({ ...body.ranges.get(a.id)!, footnote: footnotes.get(a.id) ?? null }));
    const rendered = renderBody(body.root, body.placer, placed, article.format === 'pdf');
    parts.push(BODY_START, ...(rendered ? [rendered] : []), BODY_END);
    const defs = anchored
      .filter((a) => footnotes.has(a.id))
      .sort((a, b) => footnotes.get(a.id)! - footnotes.get(b.id)!)
      .map((a) => footnoteDefinition(footnotes.get(a.id)!, footnoteBody(a.body)));
    if (defs.length) parts.push(defs.join('\n\n'));
  } else {
    parts.push(HIGHLIGHTS_HEADING);
    const pages = article.format === 'pdf' ? pageStarts(article.html) : [];
    const item = (a: Annotation): string =>
      highlightItem({
        ...a.body,
        exact: quoteOf(article, a),
        block: blocks.get(a.id)!,
        page: pageAt(pages, a.target.selector[0].start),
      });
    if (!anchored.length) parts.push('*No highlights yet.*');
    else if (options.groupBy === 'color') {
      for (const color of COLOR_ORDER) {
        const list = anchored.filter((a) => a.body.color === color);
        if (!list.length) continue;
        parts.push(`### ${color[0]!.toUpperCase()}${color.slice(1)}`, ...list.map(item));
      }
    } else parts.push(...anchored.map(item));
  }

  if (options.entities !== false) {
    const section = entitiesSection(input.entities, options.wikilinks === true, input.entityLinks);
    if (section) parts.push(section);
  }
  if (orphans.length) {
    parts.push(ORPHANS_HEADING, '*These highlights no longer match the article text.*');
    parts.push(
      ...orphans.map((a) => highlightItem({ ...a.body, exact: a.target.selector[1].exact, block: blocks.get(a.id)! })),
    );
  }

  const data: DataAnnotation[] = annotations.map((a) => ({
    id: a.id,
    created: a.created,
    modified: a.modified,
    status: a.status,
    color: a.body.color,
    tags: a.body.tags,
    note: a.body.note,
    start: a.target.selector[0].start,
    end: a.target.selector[0].end,
    exact: a.target.selector[1].exact,
    prefix: a.target.selector[1].prefix,
    suffix: a.target.selector[1].suffix,
    fn: footnotes.get(a.id) ?? null,
    block: blocks.get(a.id)!,
  }));
  parts.push(
    writeGlossData({
      format: FORMAT_VERSION,
      id: article.id,
      mode,
      note: article.note,
      tags: article.tags,
      annotations: data,
    }).trimEnd(),
  );

  // A section whose end marker the user deleted ends where Gloss's own lines resume.
  const generated = new Set(parts.join('\n').split('\n'));
  const userSections = input.existing ? extractUserSections(input.existing, generated) : [];
  if (!userSections.length) parts.splice(userSectionAt, 0, EMPTY_USER_SECTION);
  let markdown = parts.join('\n\n') + '\n';
  if (userSections.length) markdown = mergeUserSections(markdown, userSections);
  return { fileName: articleFileName(article.title), markdown };
}

function pos(a: Annotation): { start: number; end: number } {
  return a.target.selector[0];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortAnnotations(list: Annotation[]): Annotation[] {
  return [...list].sort((a, b) => pos(a).start - pos(b).start || pos(a).end - pos(b).end || cmp(a.id, b.id));
}

function quoteOf(article: Article, a: Annotation): string {
  return article.text.slice(pos(a).start, pos(a).end);
}

function calloutLines(note: string): string {
  return [NOTE_CALLOUT, ...note.split('\n').map((l) => (l.trim() ? `> ${l}` : '>'))].join('\n');
}

function frontMatter(article: Article, exported: string, mode: string, sourcePath: boolean): string {
  return writeFrontMatter([
    { key: 'id', value: article.id },
    { key: 'title', value: article.title },
    { key: 'author', value: article.author },
    { key: 'site', value: article.site },
    { key: 'source', value: sourceOf(article, sourcePath) },
    { key: 'published', value: obsidianDate(article.published, true), date: true },
    { key: 'added', value: obsidianDate(article.added), date: true },
    { key: 'exported', value: obsidianDate(exported), date: true },
    { key: 'tags', value: obsidianTags(article.tags) },
    { key: 'word_count', value: article.wordCount },
    { key: 'language', value: article.language },
    { key: 'format', value: article.format },
    { key: 'source_sha256', value: article.sourceSha256 },
    { key: 'text_sha256', value: article.textSha256 },
    { key: 'gloss_export', value: `${FORMAT_VERSION} ${mode}` },
  ]).trimEnd();
}

/** The URL the article came from; a local file only by name, unless the user asks for its path. */
function sourceOf(article: Article, sourcePath: boolean): string | null {
  if (article.sourceUrl) return article.sourceUrl;
  if (!article.source) return null;
  if (sourcePath || /^[a-z][a-z0-9+.-]*:\/\//i.test(article.source)) return article.source;
  return article.source.split(/[\\/]/).pop() || null;
}

interface LocatedBody {
  root: Node;
  placer: SentinelPlacer;
  ranges: Map<string, { start: number; end: number }>;
}

function locateInBody(article: Article, anchored: Annotation[]): LocatedBody {
  const root = parseBody(article.html);
  const placer = new SentinelPlacer(root);
  const same = placer.text === article.text;
  const ranges = new Map<string, { start: number; end: number }>();
  for (const a of anchored) {
    const range = same ? pos(a) : relocate(placer.text, article.text, pos(a));
    if (range) ranges.set(a.id, { start: range.start, end: range.end });
  }
  return { root, placer, ranges };
}

/** The article body as Markdown with highlight marks and footnote references. */
function renderBody(root: Node, placer: SentinelPlacer, highlights: PlacedHighlight[], pdf: boolean): string {
  placer.place(highlights);
  placer.apply();
  // After the marks are placed: the page lines are not article text, and no offset may count them.
  if (pdf) markPages(root);
  const md = replaceSentinels(domToMarkdown(root));
  // A body must never contain Gloss's own markers (an article quoting them is escaped already).
  return md.replace(new RegExp(`^${escapeRe(DATA_START)}`, 'gm'), '\\%% gloss:data').trim();
}

/** A PDF's text by page: a `*Page N*` line opens each page (read-body.ts drops it again on the way back). */
function markPages(root: Node): void {
  for (const section of (root as Element).querySelectorAll('section.pdf-page')) {
    const page = PAGE_LABEL.exec(section.getAttribute('aria-label') ?? '')?.[1];
    if (!page) continue;
    const line = section.ownerDocument.createElement('p');
    line.appendChild(section.ownerDocument.createElement('em')).textContent = `Page ${page}`;
    section.insertBefore(line, section.firstChild); // domino has no prepend()
  }
}

/**
 * When the HTML's text differs from the canonical text (an older import), finds
 * the highlight's quote in the HTML text nearest to its old position.
 */
function relocate(
  htmlText: string,
  text: string,
  range: { start: number; end: number },
): { start: number; end: number } | null {
  const exact = text.slice(range.start, range.end);
  if (!exact.trim()) return null;
  let best = -1;
  for (let i = htmlText.indexOf(exact); i >= 0; i = htmlText.indexOf(exact, i + 1)) {
    if (best < 0 || Math.abs(i - range.start) < Math.abs(best - range.start)) best = i;
  }
  return best < 0 ? null : { start: best, end: best + exact.length };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
