// YAML front matter, written and read with the `yaml` package. Strings are
// double-quoted (so `no`, `: `, `#` or a control character in a title stay a
// string), `<`, `>` and `&` are written as `\u` escapes (so a renderer that
// shows front matter as text never meets raw HTML), dates are plain
// `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm:ss` (UTC) as Obsidian's date properties
// read them, and lists are block lists, as Obsidian writes them.
import { Document, isScalar, parse } from 'yaml';

export type FrontMatterValue = string | number | boolean | null | string[];

export interface FrontMatterField {
  key: string;
  value: FrontMatterValue;
  /** A date or date-time: written plain, in a form Obsidian's properties read. */
  date?: boolean;
}

export function writeFrontMatter(fields: FrontMatterField[]): string {
  const doc = new Document(Object.fromEntries(fields.map((f) => [f.key, f.value])));
  for (const f of fields) {
    const node = doc.get(f.key, true);
    if (f.date && isScalar(node) && typeof node.value === 'string') node.type = 'PLAIN';
  }
  const yaml = doc
    .toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })
    .replace(/[<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  return `---\n${yaml}---\n`;
}

/** An ISO date or date-time as Obsidian reads it: `2024-03-01`, or `2026-11-27T12:00:00` in UTC. */
export function obsidianDate(iso: string | null, dateOnlyAtMidnight = false): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const full = d.toISOString().slice(0, 19);
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return dateOnlyAtMidnight && full.endsWith('T00:00:00') ? full.slice(0, 10) : full;
}

/** Reads a date written by obsidianDate (or by hand) back as an ISO string. */
export function isoFromObsidianDate(v: string | null): string | null {
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v)) return new Date(`${v}Z`).toISOString();
  return v;
}

/** Splits `---` front matter from the rest; null when the file has none. */
export function splitFrontMatter(markdown: string): { fields: Record<string, FrontMatterValue>; body: string } | null {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---', 3);
  if (end < 0) return null;
  const after = text.indexOf('\n', end + 4);
  return { fields: parseFields(text.slice(4, end + 1)), body: after < 0 ? '' : text.slice(after + 1) };
}

function parseFields(yaml: string): Record<string, FrontMatterValue> {
  let data: unknown;
  try {
    data = parse(yaml);
  } catch {
    // Front matter a user broke by hand: read as having no fields (the data block still has the annotations).
    return {};
  }
  const fields: Record<string, FrontMatterValue> = {};
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fields;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
      fields[key] = value as FrontMatterValue;
    else if (Array.isArray(value)) fields[key] = value.filter((v) => v !== null && v !== undefined).map(String);
    else if (value instanceof Date) fields[key] = value.toISOString();
  }
  return fields;
}

export function fieldString(v: FrontMatterValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  return Array.isArray(v) ? v.join(', ') : String(v);
}
