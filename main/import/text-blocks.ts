// A plain-text article as a list of blocks: runs of non-blank lines, as a person sees paragraphs.
// Each block keeps where it sits in the source, its lines as written, and a whitespace-collapsed copy
// the classifiers read.

export interface TextBlock {
  /** Offset of the block's first character in the source text. */
  start: number;
  /** Offset just past its last character (line break excluded). */
  end: number;
  /** Its lines, without line breaks or trailing blanks (leading indentation kept). */
  lines: string[];
  /** The lines joined by one space, whitespace collapsed and trimmed. */
  flat: string;
  /** How many words it has (letters or digits). */
  words: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;
const SPACES = /[\s\u00a0\u200b\u2028\u2029\ufeff]+/g;
const WORD = /[\p{L}\p{N}]+/gu;

export function squash(s: string): string {
  return s.replace(SPACES, ' ').trim();
}

export function countWordsIn(s: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(s)) n++;
  return n;
}

/** Splits text into blocks separated by blank (whitespace-only) lines, in one linear pass. */
export function splitBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let lines: string[] = [];
  let start = 0;
  let end = 0;
  const close = () => {
    if (lines.length === 0) return;
    const flat = squash(lines.join(' '));
    blocks.push({ start, end, lines, flat, words: countWordsIn(flat) });
    lines = [];
  };
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (;;) {
    const m = LINE_BREAK.exec(text);
    const lineEnd = m ? m.index : text.length;
    const line = text.slice(lineStart, lineEnd);
    if (/\S/.test(line.replace(/[\u00a0\u200b\ufeff]/g, ' '))) {
      if (lines.length === 0) start = lineStart + (line.length - line.trimStart().length);
      lines.push(line.trimEnd());
      end = lineStart + line.trimEnd().length;
    } else {
      close();
    }
    if (!m) break;
    lineStart = m.index + m[0].length;
  }
  close();
  return blocks;
}
