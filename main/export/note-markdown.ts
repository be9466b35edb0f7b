// Notes and the article note are Markdown the user wrote: we keep their
// Markdown, but nothing in them may act once the file is opened elsewhere.
// Raw HTML becomes literal text (`\<`), link targets other than https: and
// mailto: lose their link (`]\(`), and `%%` cannot open an Obsidian comment
// that would swallow Gloss's own markers. Code spans and fenced code are
// left untouched: their content already renders literally.
import { findCodeSpanEnd } from './code-span';
import { isSafeHref } from './markdown-escape';

/** Returns the note as Markdown that renders the same but is inert. */
export function neutraliseNoteMarkdown(note: string): string {
  const lines = note.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  let pending: string[] = [];
  const flush = (): void => {
    if (pending.length) out.push(...neutraliseProse(pending.join('\n')).split('\n'));
    pending = [];
  };
  for (const line of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      out.push(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      continue;
    }
    if (m && !(m[1]![0] === '`' && line.slice(m.index + m[1]!.length).includes('`'))) {
      flush();
      fence = m[1]!;
      out.push(line);
      continue;
    }
    pending.push(line);
  }
  flush();
  return out.join('\n');
}

function neutraliseProse(text: string): string {
  // Reference definitions pointing anywhere but https:/mailto: are defused.
  text = text.replace(/^( {0,3})\[([^\]\n]+)\]:[ \t]*<?([^\s>]+)>?/gm, (all, indent: string, _l, dest: string) =>
    isSafeHref(dest, false) ? all : indent + '\\' + all.slice(indent.length),
  );
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      out += c + text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = findCodeSpanEnd(text, i + run.length, run.length);
      if (close >= 0) {
        out += text.slice(i, close + run.length);
        i = close + run.length;
      } else {
        out += run;
        i += run.length;
      }
      continue;
    }
    if (c === '<' && /[A-Za-z/!?]/.test(text[i + 1] ?? '')) {
      out += '\\<';
      i++;
      continue;
    }
    if (c === '%' && text[i + 1] === '%') {
      out += '\\%';
      i++;
      continue;
    }
    if (c === ']' && text[i + 1] === '(') {
      const dest = readDestination(text, i + 2);
      out += isSafeHref(dest, false) ? '](' : ']\\(';
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function readDestination(text: string, at: number): string {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n') i++;
  if (text[i] === '<') {
    const end = text.indexOf('>', i);
    return end < 0 ? text.slice(i + 1) : text.slice(i + 1, end);
  }
  let depth = 0;
  let dest = '';
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      dest += text[i + 1];
      i++;
      continue;
    }
    if (/\s/.test(c)) break;
    if (c === '(') depth++;
    if (c === ')') {
      if (depth === 0) break;
      depth--;
    }
    dest += c;
  }
  return dest;
}
