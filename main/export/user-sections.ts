// User sections: text between `%% gloss:user-start %%` and
// `%% gloss:user-end %%` belongs to the user and survives re-export.
//
// Each section is anchored to the line of Gloss's output just above it
// (matched by content and by which occurrence of that line it was), falling
// back to the nearest heading above it, then to the top of the note. Gloss
// regenerates everything else and puts each section back after its anchor.

export const USER_START = '%% gloss:user-start %%';
export const USER_END = '%% gloss:user-end %%';
/** The empty section a first export offers, under the title and article note. */
export const EMPTY_USER_SECTION = `${USER_START}\n\n${USER_END}`;

export interface UserSection {
  lines: string[];
  anchor: { line: string; occurrence: number } | null;
  heading: { line: string; occurrence: number } | null;
}

/**
 * The user sections of an earlier export. `generated` holds the lines Gloss is
 * about to write: a section whose end marker was deleted ends before the first
 * of them (or before the next `%% gloss:` marker), so it never swallows — and
 * doubles — the rest of the file.
 */
export function extractUserSections(existing: string, generated: ReadonlySet<string> = new Set()): UserSection[] {
  const lines = existing.replace(/\r\n?/g, '\n').split('\n');
  const sections: UserSection[] = [];
  const seen = new Map<string, number>();
  let anchor: UserSection['anchor'] = null;
  let heading: UserSection['heading'] = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === USER_START) {
      // Closed by its end marker before the next start or Gloss marker…
      let j = i + 1;
      const marker = (l: string): boolean => l.trim() === USER_START || l.startsWith('%% gloss:');
      while (j < lines.length && lines[j]!.trim() !== USER_END && !marker(lines[j]!)) j++;
      const closed = j < lines.length && lines[j]!.trim() === USER_END;
      // …or else at the first line Gloss writes again.
      if (!closed) {
        j = i + 1;
        while (j < lines.length && !marker(lines[j]!) && !(lines[j]!.trim() && generated.has(lines[j]!))) j++;
      }
      const body = lines.slice(i, closed ? j + 1 : j);
      while (!closed && body.length > 1 && !body[body.length - 1]!.trim()) body.pop();
      if (!closed) body.push(USER_END);
      sections.push({ lines: body, anchor, heading });
      i = closed ? j : j - 1;
      continue;
    }
    if (!line.trim()) continue;
    const occurrence = seen.get(line) ?? 0;
    seen.set(line, occurrence + 1);
    anchor = { line, occurrence };
    if (/^#{1,6} /.test(line)) heading = { line, occurrence };
  }
  return sections;
}

/** Puts the user's sections back into freshly generated Markdown (which has none). */
export function mergeUserSections(generated: string, sections: UserSection[]): string {
  if (!sections.length) return generated;
  const lines = generated.split('\n');
  // Insertion points in terms of the generated lines, resolved before inserting.
  const positions = sections.map((s) => {
    const at = findLine(lines, s.anchor) ?? findLine(lines, s.heading);
    return at === null ? firstBodyLine(lines) : at + 1;
  });
  const inserts = new Map<number, string[][]>();
  sections.forEach((s, k) => {
    const list = inserts.get(positions[k]!) ?? [];
    list.push(s.lines);
    inserts.set(positions[k]!, list);
  });
  const out: string[] = [];
  for (let i = 0; i <= lines.length; i++) {
    const here = inserts.get(i);
    if (here) {
      for (const block of here) {
        if (out.length && out[out.length - 1] !== '') out.push('');
        out.push(...block);
        out.push('');
      }
      // Avoid a double blank line where the generated text already has one.
      while (i < lines.length && lines[i] === '') i++;
    }
    if (i < lines.length) out.push(lines[i]!);
  }
  return out.join('\n');
}

function findLine(lines: string[], want: { line: string; occurrence: number } | null): number | null {
  if (!want) return null;
  let seen = 0;
  let last: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== want.line) continue;
    if (seen === want.occurrence) return i;
    last = i;
    seen++;
  }
  return last;
}

function firstBodyLine(lines: string[]): number {
  if (lines[0] !== '---') return 0;
  const end = lines.indexOf('---', 1);
  return end < 0 ? 0 : end + 1;
}
