// Reads back a Markdown file Gloss exported: the article body (as clean
// Markdown, marks and footnote references removed), its metadata, the article
// note and every annotation.
//
// The `%% gloss:data` block is the lossless source (ids, offsets, exact
// quotes, dates, the notes as the user wrote them). The visible text wins where
// the user edited it in Obsidian: if a footnote, highlight item or the article
// note callout no longer reads exactly as Gloss would have written it, the
// visible note (and the color and tags on its meta line) are taken instead.
import type { Annotation, HighlightColor } from '../model/contract';
import { fieldString, isoFromObsidianDate, splitFrontMatter, type FrontMatterValue } from './front-matter';
import { readGlossData, type DataAnnotation } from './gloss-data';
import { META_LINE_RE, footnoteBody, itemNote, metaLine } from './highlight-items';
import { readBody } from './read-body';
import { readVisibleHighlights, type VisibleHighlight } from './read-visible-highlights';
import { BODY_END, BODY_START, HIGHLIGHTS_HEADING, NOTE_CALLOUT, ORPHANS_HEADING } from './markdown-export';
import { obsidianTagToTag, obsidianTags } from './obsidian-tags';
import { neutraliseNoteMarkdown, unneutraliseNote } from './note-markdown';
import { USER_END, USER_START } from './user-sections';

export type ExportedAnnotation = Omit<Annotation, 'target'> & {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
};

export interface ExportedMeta {
  id: string;
  title: string;
  author: string | null;
  site: string | null;
  source: string | null;
  published: string | null;
  added: string | null;
  exported: string | null;
  wordCount: number | null;
  language: string | null;
  format: string | null;
  sourceSha256: string | null;
  textSha256: string | null;
  mode: 'full' | 'highlights';
}

export interface ExportedArticle {
  bodyMarkdown: string;
  meta: ExportedMeta;
  note: string;
  annotations: ExportedAnnotation[];
  tags: string[];
}

export function readExportedMarkdown(markdown: string): ExportedArticle | null {
  const fm = splitFrontMatter(markdown);
  if (!fm) return null;
  const text = markdown.replace(/\r\n?/g, '\n');
  const data = readGlossData(text);
  const f = fm.fields;
  if (f.gloss_export === undefined && !data) return null;
  const lines = withoutUserSections(fm.body.split('\n'));
  const mode: 'full' | 'highlights' =
    data?.mode ?? (String(f.gloss_export ?? '').includes('highlights') ? 'highlights' : 'full');
  const titleLine = lines.find((l) => /^# /.test(l));

  const meta: ExportedMeta = {
    id: fieldString(f.id) ?? data?.id ?? '',
    title: fieldString(f.title) ?? (titleLine ? unescapeInline(titleLine.slice(2)) : 'Untitled'),
    author: fieldString(f.author),
    site: fieldString(f.site),
    source: fieldString(f.source),
    published: fieldString(f.published),
    added: isoFromObsidianDate(fieldString(f.added)),
    exported: isoFromObsidianDate(fieldString(f.exported)),
    wordCount: typeof f.word_count === 'number' ? f.word_count : null,
    language: fieldString(f.language),
    format: fieldString(f.format),
    sourceSha256: fieldString(f.source_sha256),
    textSha256: fieldString(f.text_sha256),
    mode,
  };

  const visibleNote = readCallout(lines);
  let note = unneutraliseNote(visibleNote ?? '');
  if (data && (visibleNote ?? '') === neutraliseNoteMarkdown(data.note.trim())) note = data.note;

  const annotations = data
    ? data.annotations.map((a) => readAnnotation(a, lines))
    : mode === 'full'
      ? fromVisible(lines, meta)
      : [];
  const visibleTags = toTags(f.tags);
  const tags =
    data && JSON.stringify(visibleTags) === JSON.stringify(obsidianTags(data.tags))
      ? data.tags
      : visibleTags.map(obsidianTagToTag);
  const bodyMarkdown = mode === 'full' ? readBody(lines, BODY_START, BODY_END, meta.format === 'pdf') : '';
  return { bodyMarkdown, meta, note, annotations, tags };
}

function toTags(v: FrontMatterValue | undefined): string[] {
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
  return list.map((t) => t.trim()).filter(Boolean);
}

const GLOSS_HEADING = /^## (Highlights|Entities|Orphaned highlights)$/;

function withoutUserSections(lines: string[]): string[] {
  const out: string[] = [];
  let inside = false;
  for (const l of lines) {
    // A section whose end marker was deleted ends where Gloss's structure resumes.
    if (inside && l.trim() !== USER_END && (l.startsWith('%% gloss:') || GLOSS_HEADING.test(l))) inside = false;
    if (l.trim() === USER_START) inside = true;
    else if (l.trim() === USER_END) inside = false;
    else if (!inside) out.push(l);
  }
  return out;
}

function readCallout(lines: string[]): string | null {
  const at = lines.indexOf(NOTE_CALLOUT);
  if (at < 0) return null;
  const body: string[] = [];
  for (let i = at + 1; i < lines.length && lines[i]!.startsWith('>'); i++) body.push(lines[i]!.replace(/^> ?/, ''));
  return body.join('\n').trim();
}

function readAnnotation(a: DataAnnotation, lines: string[]): ExportedAnnotation {
  let { color, tags, note } = a;
  const expected = { color: a.color, tags: a.tags, note: a.note };
  const visible = a.fn !== null ? readFootnote(lines, a.fn) : readItem(lines, a.block);
  const rendered =
    a.fn !== null ? footnoteBody(expected) : [metaLine(a.color, a.tags), itemNote(a.note)].filter(Boolean).join('\n\n');
  if (visible !== null && visible !== rendered) {
    const [first = '', ...rest] = visible.split('\n');
    if (META_LINE_RE.test(first)) {
      const parsed = parseMetaLine(first);
      if (first !== metaLine(a.color, a.tags)) ({ color, tags } = parsed);
      const restNote = rest.join('\n').trim();
      const renderedNote = itemNote(a.note);
      note = restNote === renderedNote ? a.note : unneutraliseNote(restNote);
    } else {
      note = unneutraliseNote(visible.trim());
    }
  }
  return {
    id: a.id,
    created: a.created,
    modified: a.modified,
    status: a.status,
    body: { color, note, tags },
    start: a.start,
    end: a.end,
    exact: a.exact,
    prefix: a.prefix,
    suffix: a.suffix,
  };
}

/** Every run of visible marks in a full-mode file's body, with the footnote after it. */
export function visibleMarks(markdown: string): VisibleHighlight[] {
  const fm = splitFrontMatter(markdown);
  const lines = withoutUserSections((fm?.body ?? markdown).replace(/\r\n?/g, '\n').split('\n'));
  const start = lines.indexOf(BODY_START);
  const end = lines.indexOf(BODY_END, start + 1);
  if (start < 0 || end < 0) return [];
  return readVisibleHighlights(
    lines.slice(start + 1, end).join('\n'),
    (n) => readFootnote(lines, n),
    (line) => (META_LINE_RE.test(line) ? parseMetaLine(line) : null),
  );
}

/** Without the data block, highlights come from the visible marks and footnotes. */
function fromVisible(lines: string[], meta: ExportedMeta): ExportedAnnotation[] {
  const start = lines.indexOf(BODY_START);
  const end = lines.indexOf(BODY_END, start + 1);
  if (start < 0 || end < 0) return [];
  const stamp = meta.exported ?? meta.added ?? new Date(0).toISOString();
  const found = readVisibleHighlights(
    lines.slice(start + 1, end).join('\n'),
    (n) => readFootnote(lines, n),
    (line) => (META_LINE_RE.test(line) ? parseMetaLine(line) : null),
  );
  return found.map((h, i) => ({
    id: `${meta.id || 'import'}-visible-${i + 1}`,
    created: stamp,
    modified: stamp,
    status: 'anchored',
    body: { color: h.color, note: h.note, tags: h.tags },
    start: h.start,
    end: h.end,
    exact: h.exact,
    prefix: h.prefix,
    suffix: h.suffix,
  }));
}

function parseMetaLine(line: string): { color: HighlightColor; tags: string[] } {
  const m = /^\((\w+)\)(.*)$/.exec(line)!;
  // A PDF highlight's page ("p. 12") comes before the tags; it is not the user's to edit.
  const tags = m[2]!
    .replace(/^\s*p\. \d+(?=\s|$)/, '')
    .split(/\s+#/)
    .map((t) => t.trim().replace(/^#/, ''))
    .filter(Boolean)
    .map(obsidianTagToTag);
  return { color: m[1] as HighlightColor, tags };
}

/** The text of footnote `[^n]` with its continuation lines unindented. */
function readFootnote(lines: string[], n: number): string | null {
  const label = `[^${n}]: `;
  const at = lines.findIndex((l) => l.startsWith(label) || l === `[^${n}]:`);
  if (at < 0) return null;
  const body = [lines[at]!.slice(label.length)];
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() && !/^( {4}|\t)/.test(l)) break;
    body.push(l.replace(/^( {4}|\t)/, ''));
  }
  return body.join('\n').trim();
}

/** The meta line and note under the blockquote ending in `^block`. */
function readItem(lines: string[], block: string): string | null {
  const suffix = ` ^${block}`;
  const at = lines.findIndex((l) => l.startsWith('>') && l.endsWith(suffix));
  if (at < 0) return null;
  const body: string[] = [];
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (
      /^#{2,3} /.test(l) &&
      (l === HIGHLIGHTS_HEADING ||
        l === ORPHANS_HEADING ||
        l === '## Entities' ||
        /^### (Yellow|Green|Blue|Pink|Purple)$/.test(l))
    )
      break;
    if (l.startsWith('%% gloss:')) break;
    if (l.startsWith('>') && / \^h[0-9a-f]{6,}$/.test(l)) {
      // The next item: drop its preceding quote lines from this body.
      while (body.length && body[body.length - 1]!.startsWith('>')) body.pop();
      break;
    }
    body.push(l);
  }
  return body.join('\n').trim();
}

function unescapeInline(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1').trim();
}
