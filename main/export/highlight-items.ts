// How one highlight is written outside the body text: as a footnote (full
// mode) or as a blockquote item (highlights mode and the orphan list).
//
// Conventions (documented in the README and the goldens):
// - meta line `(green) #tag_one #tag_two`: the color in parentheses, then the
//   tags as Obsidian tags (obsidian-tags.ts).
// - full mode: `==text==` marks the text; a highlight that has a note, tags or
//   a color other than yellow gets a footnote `[^n]` right after its last
//   segment, whose first line is the meta line and whose following indented
//   paragraphs are the note. A plain `==text==` with no footnote is yellow.
// - highlights mode: `> quote ^blockid`, a blank line, the meta line, a blank
//   line, then the note.
import { HIGHLIGHT_COLORS } from '../model/contract';
import { createHash } from 'node:crypto';
import type { HighlightColor } from '../model/contract';
import { escapeMarkdownText } from './markdown-escape';
import { tagToObsidian } from './obsidian-tags';
import { neutraliseNoteMarkdown } from './note-markdown';

export const COLOR_ORDER: readonly HighlightColor[] = HIGHLIGHT_COLORS;

/** `(green) p. 12 #tag`: the color, the PDF page when there is one, the tags. */
export function metaLine(color: HighlightColor, tags: string[], page: number | null = null): string {
  return [
    `(${color})`,
    ...(page === null ? [] : [`p. ${page}`]),
    ...tags
      .map(tagToObsidian)
      .filter(Boolean)
      .map((t) => `#${t}`),
  ].join(' ');
}

export const META_LINE_RE = /^\((yellow|green|blue|pink|purple)\)(?: .*)?$/;

export function needsFootnote(a: { color: HighlightColor; note: string; tags: string[] }): boolean {
  return a.color !== 'yellow' || a.note.trim() !== '' || a.tags.length > 0;
}

/** Body of a footnote definition, without the `[^n]: ` label, lines unindented. */
export function footnoteBody(a: { color: HighlightColor; note: string; tags: string[] }): string {
  const note = neutraliseNoteMarkdown(a.note.trim());
  return note ? `${metaLine(a.color, a.tags)}\n\n${note}` : metaLine(a.color, a.tags);
}

export function footnoteDefinition(n: number, body: string): string {
  const lines = body.split('\n');
  return [`[^${n}]: ${lines[0]}`, ...lines.slice(1).map((l) => (l.trim() ? '    ' + l : ''))].join('\n');
}

/** A quote as one blockquote: paragraphs kept, separated by `>` lines. */
function quoteLines(exact: string, blockId: string): string[] {
  const paragraphs = exact
    .split(/\n\s*\n/)
    .map((p) => escapeMarkdownText(p.replace(/\s+/g, ' ').trim()))
    .filter(Boolean);
  if (!paragraphs.length) paragraphs.push('…');
  const lines: string[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) lines.push('>');
    lines.push(`> ${p}`);
  });
  if (blockId) lines[lines.length - 1] += ` ^${blockId}`;
  return lines;
}

const STRUCTURE_HEADING = /^(## (Highlights|Entities|Orphaned highlights)|### (Yellow|Green|Blue|Pink|Purple))$/;

/**
 * The note part of a highlights-mode item, as written (may be empty). A note
 * line that would read as one of the digest's own headings gets a closing `##`
 * (same rendering), and a quote line ending like a block id has its `^`
 * escaped, so reading the file back can always tell where the note ends.
 */
export function itemNote(note: string): string {
  return neutraliseNoteMarkdown(note.trim())
    .split('\n')
    .map((l) =>
      STRUCTURE_HEADING.test(l)
        ? `${l} ##`
        : /^>.* \^h[0-9a-f]{6,}$/.test(l)
          ? l.replace(/ \^(h[0-9a-f]{6,})$/, ' \\^$1')
          : l,
    )
    .join('\n');
}

export function highlightItem(a: {
  color: HighlightColor;
  note: string;
  tags: string[];
  exact: string;
  /** The Obsidian block id; '' for a copy to the clipboard, which is not a file to link into. */
  block: string;
  /** The PDF page the highlight starts on. */
  page?: number | null;
}): string {
  const parts = [quoteLines(a.exact, a.block).join('\n'), metaLine(a.color, a.tags, a.page ?? null)];
  const note = itemNote(a.note);
  if (note) parts.push(note);
  return parts.join('\n\n');
}

/** Short, stable Obsidian block ids (letters, digits, dashes), unique in one file. */
export function blockIds(annotationIds: string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const id of [...annotationIds].sort()) {
    const hash = createHash('sha256').update(id).digest('hex');
    let len = 6;
    let block = `h${hash.slice(0, len)}`;
    while (used.has(block) && len < hash.length) block = `h${hash.slice(0, ++len)}`;
    used.add(block);
    ids.set(id, block);
  }
  return ids;
}
