// Notes and the article note are Markdown the user wrote: we keep their
// Markdown, but nothing in them may act once the file is opened elsewhere —
// in markdown-it (raw HTML on or off), Obsidian, pandoc (markdown,
// commonmark_x, gfm), Python-Markdown or mistune, which disagree on where a
// code span or a fence ends and on which backslash escapes exist. So:
// - raw HTML and autolinks to anything but https:/mailto: become text (`&lt;`),
//   including `\<`, which Python-Markdown reads as a backslash and a tag;
// - a code span is kept only when it opens and closes on one line (a blank line
//   or a block edge ends it in some renderers and not in others);
// - fenced code becomes an indented code block, closed where the note ends
//   (Python-Markdown reads no fence inside a footnote and none left unclosed;
//   an unclosed fence would swallow the rest of a digest);
// - link reference definitions are defused wherever they could start (in a
//   list item, a quote, split over two lines) unless they point to https:/mailto:,
//   and so are inline links to anything else (`]\(javascript:…)`);
// - images become plain links (nothing loads from the network);
// - pandoc attributes (`]{onclick=…}`), `%%` (an Obsidian comment) and a
//   trailing ` ^abc123` (an Obsidian block id) are made literal.
import { isSafeHref } from './markdown-escape';

// Backslash escapes not every renderer honours, rewritten as character references.
const NOT_UNIVERSAL: Record<string, string> = {
  '<': '&lt;',
  '&': '&amp;',
  '=': '&#61;',
  $: '&#36;',
  '^': '&#94;',
  '~': '&#126;',
  '%': '&#37;',
  '|': '&#124;',
  ':': '&#58;',
  '"': '&quot;',
  "'": '&#39;',
  '@': '&#64;',
  '/': '&#47;',
  ',': '&#44;',
  ';': '&#59;',
  '?': '&#63;',
};

/** Returns the note as Markdown that renders the same but is inert. */
export function neutraliseNoteMarkdown(note: string): string {
  const lines = note.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let prose: string[] = [];
  const flush = (): void => {
    if (prose.length) out.push(...neutraliseProse(prose.join('\n')).split('\n'));
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    if (!open || (open[1]![0] === '`' && open[2]!.includes('`'))) {
      prose.push(lines[i]!);
      continue;
    }
    flush();
    const fence = open[1]!;
    const code: string[] = [];
    for (i++; i < lines.length; i++) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[i]!);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      code.push(lines[i]!);
    }
    while (code.length && !code[code.length - 1]!.trim()) code.pop();
    if (out.length && out[out.length - 1]!.trim()) out.push('');
    out.push(...(code.length ? code : ['']).map((l) => (l.trim() ? `    ${l}` : '')), '');
  }
  flush();
  while (out.length && !out[out.length - 1]!.trim()) out.pop();
  return out.join('\n');
}

// A line's container prefix (quote markers, list markers, indentation) before a possible `[label]:`.
const CONTAINER = /^((?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*)/;

function neutraliseProse(text: string): string {
  const lines = text.split('\n').map((line, k, all) => {
    const prefix = CONTAINER.exec(line)![1]!;
    const rest = line.slice(prefix.length);
    const def = /^\[((?:[^\]\\\n]|\\.)+)\]:(.*)$/.exec(rest);
    if (def) {
      const dest = (def[2]!.trim() || (all[k + 1] ?? '').trim()).replace(/^<|>.*$/g, '').split(/\s/)[0]!;
      if (!def[2]!.trim() || !isSafeHref(dest, false)) return `${prefix}\\${rest}`;
    }
    return line;
  });
  return lines.map(neutraliseLine).join('\n');
}

function neutraliseLine(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      const next = line[i + 1]!;
      out += NOT_UNIVERSAL[next] ?? c + next;
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(line.slice(i))![0];
      const close = findClosingRun(line, i + run.length, run.length);
      const end = close < 0 ? i + run.length : close + run.length;
      out += line.slice(i, end);
      i = end;
      continue;
    }
    if (c === '<') {
      const auto = /^<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/.exec(line.slice(i));
      if (auto && isSafeHref(auto[1]!, false)) {
        out += auto[0];
        i += auto[0].length;
      } else {
        out += '&lt;';
        i++;
      }
      continue;
    }
    if (c === '!' && line[i + 1] === '[') {
      // An image would load from the network: it becomes a link to the same place.
      i++;
      continue;
    }
    if (c === '%' && (line[i + 1] === '%' || line[i - 1] === '%')) {
      out += '&#37;';
      i++;
      continue;
    }
    if (c === '{') {
      out += '\\{';
      i++;
      continue;
    }
    if (c === ']' && line[i + 1] === '(') {
      out += isSafeHref(readDestination(line, i + 2), false) ? '](' : ']\\(';
      i += 2;
      continue;
    }
    if (c === '^' && / \^[A-Za-z0-9-]+\s*$/.test(line.slice(i - 1))) {
      out += '&#94;';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Where a code span opened by `len` backticks closes on the same line, or -1. */
function findClosingRun(line: string, from: number, len: number): number {
  const re = /`+/g;
  re.lastIndex = from;
  for (let m = re.exec(line); m; m = re.exec(line)) if (m[0].length === len) return m.index;
  return -1;
}

function readDestination(text: string, at: number): string {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
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

const REFERENCE_CHARS = new Map(Object.entries(NOT_UNIVERSAL).map(([c, ref]) => [ref, c]));

/**
 * A note the user edited in the exported file, without the escapes Gloss added
 * when it wrote the note (`&lt;`, `\{`, `]\(`, a defused `\[ref]:`): what the
 * user sees is what comes back. Re-exporting neutralises it again.
 */
export function unneutraliseNote(visible: string): string {
  return visible
    .replace(/&(?:lt|amp|quot|#\d+);/g, (ref) => REFERENCE_CHARS.get(ref) ?? ref)
    .replace(/\\\{/g, '{')
    .replace(/\]\\\(/g, '](')
    .replace(/^((?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])[ \t]+)*[ \t]*)\\\[/gm, '$1[');
}
