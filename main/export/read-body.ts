// The article body of a full-mode export as plain Markdown again: our `==`
// marks, footnote references and image links removed, everything else (the
// article's own escaping, code blocks, links) left exactly as written.
import { findCodeSpanEnd } from './code-span';

/** A PDF export's page line (`*Page 12*`, see markdown-export.ts): not article text. */
const PAGE_LINE = /^\*Page \d+\*$/;

/** Body Markdown between the body markers, marks and footnote references removed (and a PDF's page lines). */
export function readBody(lines: string[], startMarker: string, endMarker: string, pdf = false): string {
  const start = lines.indexOf(startMarker);
  const end = lines.indexOf(endMarker, start + 1);
  if (start < 0 || end < 0) return '';
  const out: string[] = [];
  let fence: string | null = null;
  let prose: string[] = [];
  const flush = (): void => {
    if (prose.length) out.push(stripMarks(prose.join('\n')));
    prose = [];
  };
  for (const line of lines.slice(start + 1, end)) {
    const m = /^(?:>\s?)*\s*(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      out.push(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length) fence = null;
      continue;
    }
    if (m) {
      flush();
      fence = m[1]!;
      out.push(line);
      continue;
    }
    if (pdf && PAGE_LINE.test(line)) continue;
    prose.push(line);
  }
  flush();
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function stripMarks(text: string): string {
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
      const end = close < 0 ? i + run.length : close + run.length;
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (c === ']' && text[i + 1] === '(') {
      // A link destination is copied as is: `==` in a URL is not a mark.
      let depth = 0;
      let j = i + 2;
      for (; j < text.length; j++) {
        if (text[j] === '\\') j++;
        else if (text[j] === '(') depth++;
        else if (text[j] === ')' && depth-- === 0) break;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '=' && text[i + 1] === '=') {
      i += 2;
      continue;
    }
    const ref = /^\[\^\d+\]/.exec(text.slice(i, i + 12));
    if (ref) {
      i += ref[0].length;
      continue;
    }
    out += c;
    i++;
  }
  // Images were written as links titled "image" (nothing loads remotely). An image
  // adds no canonical text, and the import pipeline would turn `![alt](src)` into
  // "[image: alt]" text, shifting every offset after it: they are left out.
  out = out.replace(/(^|[^!\\])\[([^\]\n]*)\]\((<[^<>\s]+>|[^()\s]+) "image"\) ?/g, '$1');
  // A footnote reference alone on its line (after a code block) leaves an empty line.
  return out.replace(/^[ \t]+$/gm, '');
}
