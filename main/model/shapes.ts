// The shapes of the wire types that are stored and that come back to us (a
// restored highlight, our Markdown data block), declared once over the fixed lists.
import {
  ENTITY_TYPES,
  HIGHLIGHT_COLORS,
  LIBRARY_SORTS,
  READER_FONTS,
  REMOVAL_REASONS,
  SOURCE_FORMATS,
  ARTICLE_SHELVES,
  THEMES,
} from './contract';
import { bool, fields, list, literal, nstr, num, oneOf, str, strArr, type Check } from './schema';

export const SUMMARY_SHAPE: Check = fields({
  id: str,
  title: str,
  author: nstr,
  site: nstr,
  published: nstr,
  source: nstr,
  sourceUrl: nstr,
  format: oneOf(SOURCE_FORMATS),
  added: str,
  wordCount: num,
  readingMinutes: num,
  language: nstr,
  tags: strArr,
  progress: num,
  highlightCount: num,
  shelf: oneOf(ARTICLE_SHELVES),
  favorite: bool,
  opened: nstr,
  sourceSha256: str,
});

const selectorPair: Check = (s) => {
  if (!Array.isArray(s) || s.length !== 2) return ' is not a pair of selectors';
  const a = positionSelector(s[0]);
  if (a) return `[0]${a}`;
  const b = quoteSelector(s[1]);
  return b ? `[1]${b}` : null;
};
const positionSelector = fields({ type: literal('TextPositionSelector'), start: num, end: num });
const quoteSelector = fields({ type: literal('TextQuoteSelector'), exact: str, prefix: str, suffix: str });

export const ANNOTATION_SHAPE: Check = fields({
  id: str,
  created: str,
  modified: str,
  status: oneOf(['anchored', 'moved', 'orphan']),
  body: fields({ color: oneOf(HIGHLIGHT_COLORS), note: str, tags: strArr }),
  target: fields({ source: str, selector: selectorPair }),
});

export const REMOVED_PASSAGE_SHAPE: Check = fields({ at: num, text: str, reason: oneOf(REMOVAL_REASONS) });

const CORRECTION_FIELDS: Record<string, Check> = {
  add: fields({ name: str, type: oneOf(ENTITY_TYPES) }),
  rename: fields({ key: str, name: str }),
  retype: fields({ key: str, type: oneOf(ENTITY_TYPES) }),
  merge: fields({ key: str, into: str }),
  split: fields({ key: str, alias: str }),
  hide: fields({ key: str }),
};
const correctionKind = fields({ kind: oneOf(Object.keys(CORRECTION_FIELDS)) });
const CORRECTION_SHAPE: Check = (v) => correctionKind(v) ?? CORRECTION_FIELDS[(v as { kind: string }).kind]!(v);

export const STORED_CORRECTION_SHAPE: Check = fields({ id: str, created: str, correction: CORRECTION_SHAPE });

export const SETTINGS_SHAPE: Check = fields({
  theme: oneOf(THEMES),
  font: oneOf(READER_FONTS),
  fontSize: num,
  lineHeight: num,
  librarySort: oneOf(LIBRARY_SORTS),
  lastColor: oneOf(HIGHLIGHT_COLORS),
});

/** One annotation in our Markdown data block (main/export/gloss-data.ts). */
export const DATA_BLOCK_SHAPE: Check = fields({
  format: literal(1),
  id: str,
  note: str,
  tags: strArr,
  annotations: list(
    fields({ id: str, start: num, end: num, exact: str, note: str, color: oneOf(HIGHLIGHT_COLORS), tags: strArr }),
  ),
});

/** Entities as extracted, kept in the library's cache (main/storage/derived-cache.ts). */
export const ENTITIES_SHAPE: Check = list(
  fields({
    key: str,
    name: str,
    type: oneOf(ENTITY_TYPES),
    aliases: strArr,
    mentions: list(fields({ start: num, end: num, text: str })),
  }),
);
