// Text items as pdf.js places them, gathered into lines. Pure: the tests feed it synthetic items.

/** One run of text on a page, in PDF user space (y grows upwards; x, y is the baseline's start). */
export interface TextPiece {
  str: string;
  x: number;
  y: number;
  width: number;
  /** The font size in user space. */
  size: number;
}

/** A line of text: pieces on one baseline, left to right, with no wide gap between them. */
export interface TextLine {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** The Latin ligatures U+FB00–U+FB06 spelled out; not full NFKC, which would also fold ½, ² and the like. */
export function expandLigatures(s: string): string {
  return s.replace(/[\uFB00-\uFB06]/g, (c) => LIGATURES[c] ?? c);
}

/** A gap wider than this share of the font size between two pieces is a word space. */
const SPACE_GAP = 0.15;
/** A gap wider than this many font sizes on one baseline is a column gutter or a table cell, not a space. */
const SPLIT_GAP = 1.8;

function sameBaseline(a: TextPiece, b: TextPiece): boolean {
  return Math.abs(a.y - b.y) <= 0.3 * Math.min(a.size, b.size);
}

/** Pieces grouped by baseline, top of the page first; each group sorted left to right. */
function rows(pieces: readonly TextPiece[]): TextPiece[][] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: TextPiece[][] = [];
  for (const piece of sorted) {
    const row = out.at(-1);
    if (row && sameBaseline(row[0]!, piece)) row.push(piece);
    else out.push([piece]);
  }
  for (const row of out) row.sort((a, b) => a.x - b.x);
  return out;
}

/** A piece drawn twice at the same place (a common way to fake bold) is read once. */
function isOverprint(prev: TextPiece, cur: TextPiece): boolean {
  return cur.str === prev.str && Math.abs(cur.x - prev.x) < 0.1 * cur.size;
}

function finish(run: TextPiece[]): TextLine {
  let text = '';
  let last: TextPiece | null = null;
  for (const piece of run) {
    if (last) {
      const gap = piece.x - (last.x + last.width);
      const spaced = /\s$/.test(text) || /^\s/.test(piece.str);
      if (gap > SPACE_GAP * Math.min(piece.size, last.size) && !spaced) text += ' ';
    }
    text += piece.str;
    last = piece;
  }
  const first = run[0]!;
  const end = run.at(-1)!;
  return {
    text: text.replace(/\s+/g, ' ').trim(),
    x: first.x,
    right: end.x + end.width,
    y: first.y,
    size: Math.max(...run.map((p) => p.size)),
  };
}

/** One baseline's pieces cut where the gap is too wide to be a space. */
function splitRow(row: readonly TextPiece[]): TextLine[] {
  const lines: TextLine[] = [];
  let run: TextPiece[] = [];
  for (const piece of row) {
    const prev = run.at(-1);
    if (prev && isOverprint(prev, piece)) continue;
    if (prev && piece.x - (prev.x + prev.width) > SPLIT_GAP * Math.max(piece.size, prev.size)) {
      lines.push(finish(run));
      run = [];
    }
    run.push(piece);
  }
  if (run.length > 0) lines.push(finish(run));
  return lines;
}

/** The page's lines, top to bottom and left to right; pieces with no visible text are dropped. */
export function buildLines(pieces: readonly TextPiece[]): TextLine[] {
  const visible = pieces
    .map((p) => ({ ...p, str: expandLigatures(p.str) }))
    .filter((p) => p.str.trim() !== '' || p.width > 0)
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.size > 0);
  return rows(visible)
    .flatMap(splitRow)
    .filter((line) => line.text !== '');
}
