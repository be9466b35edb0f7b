// What the Annotations tab shows: document order, filters by color, tag and
// text, counts per color, orphans apart. Pure, so it is tested without a DOM.
import { HIGHLIGHT_COLORS } from '../../../main/model/contract';
import type { Annotation, HighlightColor } from '../../../main/model/contract';
import { fold } from '../../text/fold';

export const COLORS: readonly HighlightColor[] = HIGHLIGHT_COLORS;

export const COLOR_NAMES: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

export interface AnnotationFilter {
  colors: ReadonlySet<HighlightColor>; // empty: every color
  tag: string | null;
  text: string;
}

export const NO_FILTER: AnnotationFilter = { colors: new Set(), tag: null, text: '' };

export function startOf(a: Annotation): number {
  return a.target.selector[0].start;
}

export function quoteOf(a: Annotation): string {
  return a.target.selector[1].exact;
}

export function inDocumentOrder(list: readonly Annotation[]): Annotation[] {
  return [...list].sort(
    (a, b) =>
      startOf(a) - startOf(b) ||
      a.target.selector[0].end - b.target.selector[0].end ||
      a.created.localeCompare(b.created),
  );
}

export function matchesFilter(a: Annotation, filter: AnnotationFilter): boolean {
  if (filter.colors.size > 0 && !filter.colors.has(a.body.color)) return false;
  if (filter.tag !== null && !a.body.tags.some((t) => sameTag(t, filter.tag!))) return false;
  const terms = fold(filter.text).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const hay = fold([quoteOf(a), a.body.note, ...a.body.tags.map((t) => `#${t}`)].join('\n'));
  return terms.every((term) => hay.includes(term));
}

export interface PanelGroups {
  placed: Annotation[];
  orphans: Annotation[];
  /** Per color, over everything (not only what the filter lets through). */
  counts: Record<HighlightColor, number>;
  tags: string[];
}

export function groupForPanel(list: readonly Annotation[], filter: AnnotationFilter): PanelGroups {
  const counts = { yellow: 0, green: 0, blue: 0, pink: 0, purple: 0 } satisfies Record<HighlightColor, number>;
  const tags = new Map<string, string>();
  const placed: Annotation[] = [];
  const orphans: Annotation[] = [];
  for (const a of inDocumentOrder(list)) {
    counts[a.body.color] += 1;
    for (const t of a.body.tags) if (!tags.has(t.toLocaleLowerCase())) tags.set(t.toLocaleLowerCase(), t);
    if (!matchesFilter(a, filter)) continue;
    (a.status === 'orphan' ? orphans : placed).push(a);
  }
  return { placed, orphans, counts, tags: [...tags.values()].sort((x, y) => x.localeCompare(y)) };
}

export function sameTag(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/** A tag as the user typed it: no leading '#', no surrounding or doubled spaces. */
export function cleanTag(raw: string): string {
  return raw.trim().replace(/^#+/, '').trim().replace(/\s+/g, ' ');
}

export function addTag(tags: readonly string[], raw: string): string[] {
  const tag = cleanTag(raw);
  if (!tag || tags.some((t) => sameTag(t, tag))) return [...tags];
  return [...tags, tag];
}

/** Tags from the library that start with (then contain) what is typed, minus those already on. */
export function suggestTags(all: readonly string[], typed: string, current: readonly string[], max = 8): string[] {
  const q = cleanTag(typed).toLocaleLowerCase();
  const free = all.filter((t) => !current.some((c) => sameTag(c, t)));
  if (!q) return free.slice(0, max);
  const starts = free.filter((t) => t.toLocaleLowerCase().startsWith(q));
  const contains = free.filter((t) => !t.toLocaleLowerCase().startsWith(q) && t.toLocaleLowerCase().includes(q));
  return [...starts, ...contains].slice(0, max);
}

/** One line of a quote for lists and choices. */
export function shortQuote(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export interface ReanchorReport {
  anchored: number;
  moved: number;
  orphan: number;
}

export function reanchorReport(list: readonly Annotation[]): ReanchorReport {
  const report = { anchored: 0, moved: 0, orphan: 0 };
  for (const a of list) report[a.status] += 1;
  return report;
}

export function describeReanchor(r: ReanchorReport): string {
  const total = r.anchored + r.moved + r.orphan;
  if (total === 0) return 'Article updated. It had no highlights.';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `Article updated: ${plural(r.anchored, 'highlight', 'highlights')} in place, ${r.moved} moved, ${r.orphan} orphaned.`;
}
