// Writes what the text reader kept as article HTML, with its canonical text built alongside (the text
// is the HTML's textContent by construction: every character of it is written once to each), and
// places each removed block at the offset where it stood, for "Show what was removed".
import type { RemovedPassage } from '../model/contract';
import { escapeText } from './text-to-html';
import { splitBlocks, squash, type TextBlock } from './text-blocks';
import { isBulletLine, isCodeBlock, stripBullet } from './text-shapes';
import type { KeptItem, TextReading } from './text-reader';

export interface TextArticle {
  html: string;
  text: string;
  removed: RemovedPassage[];
}

class Out {
  readonly html: string[] = [];
  readonly text: string[] = [];
  length = 0;

  markup(s: string): void {
    this.html.push(s);
  }

  chars(s: string): void {
    this.html.push(escapeText(s));
    this.text.push(s);
    this.length += s.length;
  }
}

/** Hard-wrapped prose (a text browser's 72-column paragraphs): every line but the last runs near full width. */
function isWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const widths = lines.map((l) => l.trim().length);
  const widest = Math.max(...widths);
  return widest >= 40 && widths.slice(0, -1).every((w) => w >= 0.6 * widest);
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Lines set out by their indentation (code, a table drawn in characters): kept as they are. */
function isPreformatted(block: TextBlock): boolean {
  if (block.lines.length >= 2 && isCodeBlock(block)) return true;
  if (block.lines.length < 3) return false;
  const indents = new Set(block.lines.map(indentOf));
  return indents.size >= 3 || block.lines.some((l) => /\S {3,}\S/.test(l.trim()) && /[{}[\]=<>;|+]/.test(l));
}

function writeLines(out: Out, lines: readonly string[]): void {
  if (isWrapped(lines)) {
    out.chars(squash(lines.join(' ')));
    return;
  }
  lines.forEach((line, i) => {
    if (i > 0) {
      out.markup('<br>');
      out.chars('\n');
    }
    out.chars(squash(line));
  });
}

function writeList(out: Out, block: TextBlock): void {
  const items: string[][] = [];
  for (const line of block.lines) {
    if (isBulletLine(line) || items.length === 0) items.push([stripBullet(line)]);
    else items[items.length - 1]!.push(line);
  }
  const ordered = /^\s*\d/.test(block.lines[0]!);
  out.markup(ordered ? '<ol>' : '<ul>');
  items.forEach((item, i) => {
    if (i > 0) out.chars('\n');
    out.markup('<li>');
    out.chars(squash(item.join(' ')));
    out.markup('</li>');
  });
  out.markup(ordered ? '</ol>' : '</ul>');
}

function writePre(out: Out, block: TextBlock): void {
  const indent = Math.min(...block.lines.map(indentOf));
  out.markup('<pre>');
  out.chars(block.lines.map((l) => l.slice(indent)).join('\n'));
  out.markup('</pre>');
}

function writeItem(out: Out, item: KeptItem): void {
  const [first] = item.blocks;
  if (item.role === 'figure') {
    out.markup('<figure><figcaption>');
    item.blocks.forEach((b, i) => {
      if (i > 0) {
        out.markup('<br>');
        out.chars('\n');
      }
      out.chars(b.flat);
    });
    out.markup('</figcaption></figure>');
  } else if (item.role === 'dek') {
    out.markup('<p><em>');
    out.chars(first!.flat);
    out.markup('</em></p>');
  } else if (first!.lines.some(isBulletLine) && first!.lines.filter(isBulletLine).length >= first!.lines.length / 2) {
    writeList(out, first!);
  } else if (isPreformatted(first!)) {
    writePre(out, first!);
  } else {
    out.markup('<p>');
    writeLines(out, first!.lines);
    out.markup('</p>');
  }
}

/** The article's HTML and text, and where each removed block would stand in that text. */
export function writeTextArticle(reading: TextReading, source: string): TextArticle {
  const out = new Out();
  // Each kept item's offset in the output, keyed by its first block's place in the source.
  const starts: { source: number; at: number }[] = [];
  reading.kept.forEach((item, i) => {
    if (i > 0) out.chars('\n\n');
    starts.push({ source: item.blocks[0]!.start, at: out.length });
    writeItem(out, item);
  });
  const text = out.text.join('');
  let k = 0;
  const removed = reading.removed.map(({ block, reason }) => {
    while (k < starts.length && starts[k]!.source < block.start) k++;
    return { at: k < starts.length ? starts[k]!.at : text.length, text: source.slice(block.start, block.end), reason };
  });
  return { html: out.html.join(''), text, removed };
}

/** A passage of plain text as article HTML (one block per paragraph), for putting a removed passage back. */
export function writeTextBlocks(text: string): string {
  const out = new Out();
  splitBlocks(text).forEach((block, i) => {
    if (i > 0) out.chars('\n\n');
    writeItem(out, { role: 'body', blocks: [block] });
  });
  return out.html.join('');
}
