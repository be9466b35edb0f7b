// W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), the
// shape Recogito loads and Hypothesis' selectors follow.
//
// Export: a JSON array of `Annotation`s. The note is a TextualBody
// (`purpose: commenting`, `format: text/markdown`), each tag a TextualBody with
// `purpose: tagging`, and the color a `styleClass` (`gloss-green`) on the
// target with a CssStylesheet defining it, which is the model's own way to
// carry styling. The target holds a TextPositionSelector over the canonical
// text and a TextQuoteSelector (exact, prefix, suffix).
//
// Import accepts that, a single annotation, an AnnotationCollection/Page,
// `bodyValue`, Hypothesis API rows (`{rows:[…]}`) and the Hypothesis client's
// own export file (`{export_date, annotations:[…]}`, with `text`, `tags`,
// `target[].selector`). Page notes, replies and annotations with no text
// selector (only a RangeSelector, say) are counted as skipped, by reason. Every
// annotation is re-anchored by the injected `anchor` (position checked against
// the quote, then the quote); one that cannot be placed is kept as an orphan.
import { isObject } from '../model/schema';
import { HIGHLIGHT_COLORS } from '../model/contract';
import type {
  Annotation,
  AnnotationTarget,
  HighlightColor,
  TextPositionSelector,
  TextQuoteSelector,
} from '../model/contract';
import { AppError } from '../model/errors';

export type AnchorFn = (
  text: string,
  selectors: readonly [TextPositionSelector, TextQuoteSelector],
) => { start: number; end: number; status: 'anchored' | 'moved' } | null;

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const COLORS: readonly HighlightColor[] = HIGHLIGHT_COLORS;
const CSS: Record<HighlightColor, string> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
  purple: '#ddd6fe',
};

export interface WebAnnotation {
  '@context': string;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  /** Absent for a bare highlight: the model allows no body, but not an empty list of them. */
  body?: Array<{ type: 'TextualBody'; value: string; purpose: 'commenting' | 'tagging'; format?: string }>;
  target: {
    source: string;
    styleClass: string;
    selector: [TextPositionSelector, TextQuoteSelector];
  };
  stylesheet: { type: 'CssStylesheet'; value: string };
}

function articleUrn(articleId: string): string {
  return `urn:gloss:article:${encodeURIComponent(articleId)}`;
}

function annotationUrn(id: string): string {
  return `urn:gloss:annotation:${encodeURIComponent(id)}`;
}

/**
 * `source` is the page's URL when the article came from one (so tools that key
 * annotations by URL, like Hypothesis, match it), else a `urn:gloss:article:` id.
 */
export function toWebAnnotations(
  articleId: string,
  annotations: Annotation[],
  sourceUrl?: string | null,
): WebAnnotation[] {
  const source = sourceUrl && /^https?:\/\//i.test(sourceUrl) ? sourceUrl : articleUrn(articleId);
  return [...annotations]
    .sort((a, b) => a.target.selector[0].start - b.target.selector[0].start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((a) => {
      const body: NonNullable<WebAnnotation['body']> = [];
      if (a.body.note.trim())
        body.push({ type: 'TextualBody', value: a.body.note, purpose: 'commenting', format: 'text/markdown' });
      for (const tag of a.body.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
      const [pos, quote] = a.target.selector;
      return {
        '@context': CONTEXT,
        id: annotationUrn(a.id),
        type: 'Annotation',
        motivation: a.body.note.trim() ? 'commenting' : 'highlighting',
        created: a.created,
        modified: a.modified,
        ...(body.length ? { body } : {}),
        target: {
          source,
          styleClass: `gloss-${a.body.color}`,
          selector: [
            { type: 'TextPositionSelector', start: pos.start, end: pos.end },
            { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
          ],
        },
        stylesheet: {
          type: 'CssStylesheet',
          value: `.gloss-${a.body.color} { background-color: ${CSS[a.body.color]}; }`,
        },
      };
    });
}

export function webAnnotationsJson(articleId: string, annotations: Annotation[], sourceUrl?: string | null): string {
  return JSON.stringify(toWebAnnotations(articleId, annotations, sourceUrl), null, 2) + '\n';
}

export interface ImportContext {
  article: { id: string; title: string; text: string };
  anchor: AnchorFn;
  now: string;
  newId: () => string;
}

/** Why an annotation in a file was not imported. */
export type SkipReason = 'page note' | 'reply' | 'no text selector' | 'already in Gloss';

export interface ParsedAnnotations {
  annotations: Annotation[];
  skipped: Partial<Record<SkipReason, number>>;
}

/**
 * Parses and re-anchors annotations; those that cannot become highlights are
 * counted by reason, never dropped silently. Throws AppError('invalid_input')
 * for files that are not annotations.
 */
export function parseWebAnnotations(json: string, ctx: ImportContext): ParsedAnnotations {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new AppError('invalid_input', `The annotations for “${ctx.article.title}” are not valid JSON.`);
  }
  const items = collectItems(data);
  if (!items.length)
    throw new AppError('invalid_input', `No annotations were found in the file for “${ctx.article.title}”.`);
  const result: ParsedAnnotations = { annotations: [], skipped: {} };
  for (const item of items) {
    const a = toAnnotation(item, ctx);
    if (typeof a === 'string') result.skipped[a] = (result.skipped[a] ?? 0) + 1;
    else result.annotations.push(a);
  }
  return result;
}

// Other tools' JSON-LD varies in what it leaves out (no prefix, a selector refined by another, one
// target or many), so this reads it leniently with the schema toolkit's isObject rather than one
// strict shape; every annotation it returns is then anchored against the article's own text.
type Json = Record<string, unknown>;
const isObj = isObject;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function collectItems(data: unknown): Json[] {
  if (Array.isArray(data)) return data.filter(isObj);
  if (!isObj(data)) return [];
  if (Array.isArray(data.items)) return data.items.filter(isObj);
  if (Array.isArray(data.annotations)) return data.annotations.filter(isObj); // the Hypothesis client's export file
  if (isObj(data.first) && Array.isArray(data.first.items)) return data.first.items.filter(isObj);
  if (Array.isArray(data.rows)) return data.rows.filter(isObj); // Hypothesis API search results
  return [data];
}

function findSelectors(target: unknown): {
  pos: TextPositionSelector | null;
  quote: Omit<TextQuoteSelector, 'type'> | null;
  styleClass: string | null;
} {
  let pos: TextPositionSelector | null = null;
  let quote: Omit<TextQuoteSelector, 'type'> | null = null;
  let styleClass: string | null = null;
  const visit = (sel: unknown): void => {
    for (const s of asArray(sel)) {
      if (!isObj(s)) continue;
      if (s.type === 'TextPositionSelector' && Number.isInteger(s.start) && Number.isInteger(s.end) && !pos) {
        pos = { type: 'TextPositionSelector', start: s.start as number, end: s.end as number };
      }
      if (s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && !quote) {
        quote = {
          exact: s.exact,
          prefix: typeof s.prefix === 'string' ? s.prefix : '',
          suffix: typeof s.suffix === 'string' ? s.suffix : '',
        };
      }
      visit(s.refinedBy);
    }
  };
  for (const t of asArray(target)) {
    if (!isObj(t)) continue;
    if (typeof t.styleClass === 'string' && !styleClass) styleClass = t.styleClass;
    visit(t.selector);
  }
  return { pos, quote, styleClass };
}

function toAnnotation(item: Json, ctx: ImportContext): Annotation | SkipReason {
  // Hypothesis: a reply refers to the annotation it answers; a page note has a target without selectors.
  if (asArray(item.references).length) return 'reply';
  if (asArray(item.target).every((t) => !isObj(t) || asArray(t.selector).length === 0)) return 'page note';
  const { pos, quote, styleClass } = findSelectors(item.target);
  const text = ctx.article.text;
  let exactQuote = quote;
  if (!exactQuote && pos && pos.start >= 0 && pos.end <= text.length && pos.start < pos.end) {
    exactQuote = { exact: text.slice(pos.start, pos.end), prefix: '', suffix: '' };
  }
  if (!exactQuote || !exactQuote.exact) return 'no text selector';
  const position: TextPositionSelector = pos ?? {
    type: 'TextPositionSelector',
    start: 0,
    end: exactQuote.exact.length,
  };
  const quoteSel: TextQuoteSelector = { type: 'TextQuoteSelector', ...exactQuote };
  const found = ctx.anchor(text, [position, quoteSel]);

  const notes: string[] = typeof item.bodyValue === 'string' && item.bodyValue.trim() ? [item.bodyValue] : [];
  const tags: string[] = [];
  let color: HighlightColor | null = null;
  for (const b of asArray(item.body)) {
    if (typeof b === 'string') {
      notes.push(b);
      continue;
    }
    if (!isObj(b)) continue;
    const value = typeof b.value === 'string' ? b.value : typeof b.chars === 'string' ? b.chars : null;
    if (value === null) continue;
    const purpose = asArray(b.purpose);
    if (purpose.includes('tagging')) tags.push(value);
    else if (purpose.includes('highlighting') && COLORS.includes(value as HighlightColor))
      color = value as HighlightColor;
    else notes.push(value);
  }
  if (typeof item.text === 'string' && item.text.trim()) notes.push(item.text); // Hypothesis
  for (const t of asArray(item.tags)) if (typeof t === 'string') tags.push(t);
  const fromClass = /gloss-(yellow|green|blue|pink|purple)/.exec(styleClass ?? '')?.[1] as HighlightColor | undefined;

  const rawId = typeof item.id === 'string' ? item.id : '';
  const glossId = /^urn:gloss:annotation:(.+)$/.exec(rawId)?.[1];
  const created = typeof item.created === 'string' ? item.created : ctx.now;
  const target: AnnotationTarget = {
    source: ctx.article.id,
    selector: [
      found ? { type: 'TextPositionSelector', start: found.start, end: found.end } : position,
      found ? { ...quoteSel, exact: text.slice(found.start, found.end) } : quoteSel,
    ],
  };
  if (found) {
    target.selector[1].prefix = text.slice(Math.max(0, found.start - 32), found.start);
    target.selector[1].suffix = text.slice(found.end, found.end + 32);
  }
  return {
    id: glossId ? decodeURIComponent(glossId) : ctx.newId(),
    created,
    modified:
      typeof item.modified === 'string' ? item.modified : typeof item.updated === 'string' ? item.updated : created,
    status: found ? found.status : 'orphan',
    body: {
      color: fromClass ?? color ?? 'yellow',
      note: notes.join('\n\n'),
      tags: [...new Set(tags.map((t) => t.trim()).filter(Boolean))],
    },
    target,
  };
}
