// The machine-readable copy of the annotations at the end of an export:
//
//   %% gloss:data
//   ```json
//   {"format":1,"id":"…","note":"…","annotations":[
//   {…one annotation per line…}
//   ]}
//   ```
//   %%
//
// `%%` hides it in Obsidian; the code fence keeps it inert in any other
// Markdown renderer. `%`, backtick, `<`, `>` and `&` inside strings are written
// as \u escapes so nothing in a note can end the comment or the fence.
import { matches } from '../model/schema';
import { DATA_BLOCK_SHAPE } from '../model/shapes';
import type { AnchorStatus, HighlightColor } from '../model/contract';

export const DATA_START = '%% gloss:data';

export interface DataAnnotation {
  id: string;
  created: string;
  modified: string;
  status: AnchorStatus;
  color: HighlightColor;
  tags: string[];
  note: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** The footnote number in full mode, or null. */
  fn: number | null;
  /** The Obsidian block id used in highlights mode and the orphan list. */
  block: string;
}

export interface GlossData {
  format: 1;
  id: string;
  mode: 'full' | 'highlights';
  note: string;
  /** The article's tags as the user typed them (front matter holds an Obsidian-safe form). */
  tags: string[];
  annotations: DataAnnotation[];
}

function inertJson(value: unknown): string {
  return JSON.stringify(value).replace(/[%`<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

export function writeGlossData(data: GlossData): string {
  const head = inertJson({ format: data.format, id: data.id, mode: data.mode, note: data.note, tags: data.tags }).slice(
    0,
    -1,
  );
  const rows = data.annotations.map((a) => inertJson(a));
  const body = rows.length ? `${head},"annotations":[\n${rows.join(',\n')}\n]}` : `${head},"annotations":[]}`;
  return `${DATA_START}\n\`\`\`json\n${body}\n\`\`\`\n%%\n`;
}

/** Finds and parses the data block; null when absent or unreadable. */
export function readGlossData(markdown: string): GlossData | null {
  const at = markdown.lastIndexOf(`\n${DATA_START}\n`);
  if (at < 0) return null;
  const open = markdown.indexOf('```json\n', at);
  const close = markdown.indexOf('\n```', open + 8);
  if (open < 0 || close < 0) return null;
  try {
    const parsed: unknown = JSON.parse(markdown.slice(open + 8, close));
    return matches<GlossData>(DATA_BLOCK_SHAPE, parsed) ? parsed : null;
  } catch {
    return null;
  }
}
