// YAML front matter. Every value is written as JSON, which is valid YAML and
// leaves no room for YAML's surprises (`no` → false, `: ` in a title, `#`
// starting a comment). Reading accepts that form plus what Obsidian writes
// back when a user edits properties (plain scalars, `- item` lists).

export type FrontMatterValue = string | number | boolean | null | string[];

export function writeFrontMatter(fields: Array<[string, FrontMatterValue]>): string {
  const lines = fields.map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** Splits `---` front matter from the rest; null when the file has none. */
export function splitFrontMatter(markdown: string): { fields: Record<string, FrontMatterValue>; body: string } | null {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) return null;
  const end = text.indexOf('\n---', 3);
  if (end < 0) return null;
  const after = text.indexOf('\n', end + 4);
  const yaml = text.slice(4, end + 1);
  return { fields: parseYamlSubset(yaml), body: after < 0 ? '' : text.slice(after + 1) };
}

function parseYamlSubset(yaml: string): Record<string, FrontMatterValue> {
  const fields: Record<string, FrontMatterValue> = {};
  let listKey: string | null = null;
  for (const line of yaml.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const item = /^\s+-\s*(.*)$/.exec(line);
    if (item && listKey) {
      const list = fields[listKey];
      if (Array.isArray(list)) list.push(String(parseScalar(item[1]!) ?? ''));
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!;
    const raw = kv[2]!.trim();
    if (raw === '') {
      fields[key] = [];
      listKey = key;
      continue;
    }
    listKey = null;
    fields[key] = parseScalar(raw);
  }
  return fields;
}

function parseScalar(raw: string): FrontMatterValue {
  if (raw.startsWith('"') || raw.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(raw);
      if (Array.isArray(v)) return v.map((x) => String(x));
      if (typeof v === 'string') return v;
    } catch {
      // Obsidian may write flow lists with plain items: fall through.
      if (raw.startsWith('[') && raw.endsWith(']')) {
        return raw
          .slice(1, -1)
          .split(',')
          .map((s) => String(parseScalar(s.trim()) ?? ''))
          .filter((s) => s !== '');
      }
    }
  }
  if (raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2) return raw.slice(1, -1).replace(/''/g, "'");
  if (raw === 'null' || raw === '~') return null;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

export function fieldString(v: FrontMatterValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  return Array.isArray(v) ? v.join(', ') : String(v);
}
