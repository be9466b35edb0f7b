// Lines into paragraphs: a wider vertical gap, a change of font size or a new column starts one;
// the lines of one paragraph are joined with a space, or mended where a word was hyphenated.
import type { LineStream } from './columns';
import type { TextLine } from './text-lines';

/** A gap this many times the usual line spacing is a paragraph break. */
const BREAK_FACTOR = 1.35;

function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

/**
 * The usual distance between baselines in the stream: its lower quartile, so that a page of short
 * paragraphs does not count its paragraph gaps as the line spacing; kept between 1 and 1.6 font sizes.
 */
function lineSpacing(stream: readonly TextLine[], size: number): number {
  const steps: number[] = [];
  for (let i = 1; i < stream.length; i++) {
    const step = stream[i - 1]!.y - stream[i]!.y;
    if (step > 0 && step < 3 * size) steps.push(step);
  }
  const usual = quantile(steps, 0.25) ?? 1.2 * size;
  return Math.min(Math.max(usual, size), 1.6 * size);
}

function bodySize(stream: readonly TextLine[]): number {
  return quantile(
    stream.map((l) => l.size),
    0.5,
  )!;
}

/** Whether `line` starts a new paragraph after `prev`, given the stream's spacing for its body size. */
function startsParagraph(prev: TextLine, line: TextLine, spacing: number, body: number): boolean {
  const step = prev.y - line.y;
  // Moving up the page: a new column or a box set beside the text.
  if (step <= 0) return true;
  const small = Math.min(prev.size, line.size);
  // Larger type is set with wider spacing: a two-line title stays one paragraph.
  if (step > BREAK_FACTOR * spacing * Math.max(1, small / body)) return true;
  return Math.max(prev.size, line.size) / small > 1.15;
}

const LINE_END_HYPHEN = /[\p{L}][-\u2010\u00AD]$/u;

/** How two lines of a paragraph meet: with a space, mended (the hyphen dropped), or hyphen kept. */
type Join = 'space' | 'mend' | 'keep';

/**
 * "exam-" + "ple of" mends to "example of" when the next line goes on in lower case; a hyphen before
 * a capital or a digit ("well-" + "Known", "COVID-" + "19") is part of the word and stays.
 */
function joinOf(a: string, b: string): Join {
  if (!LINE_END_HYPHEN.test(a)) return 'space';
  if (/^\p{Ll}/u.test(b)) return 'mend';
  return a.endsWith('\u00AD') ? 'mend' : 'keep';
}

export function joinLines(a: string, b: string): string {
  const join = joinOf(a, b);
  return join === 'space' ? `${a} ${b}` : join === 'mend' ? a.slice(0, -1) + b : a + b;
}

/** One line's share of a paragraph's text, with where the line sits on the page. */
export interface ParagraphLine {
  line: TextLine;
  /** The line's text as the paragraph holds it (a hyphen dropped by joinLines is not in it). */
  text: string;
  /** True when it follows the line before with no space: a word mended across the break. */
  joined: boolean;
}

/** A paragraph: its text, and the lines it was joined from (their texts make it up exactly). */
export interface Paragraph {
  text: string;
  lines: ParagraphLine[];
}

/** A stream's paragraphs, each one string built by joinLines, line by line. */
function streamParagraphs(stream: readonly TextLine[]): Paragraph[] {
  const body = bodySize(stream);
  const spacing = lineSpacing(stream, body);
  const out: Paragraph[] = [];
  let current: Paragraph | null = null;
  let prev: TextLine | null = null;
  for (const line of stream) {
    if (current && prev && !startsParagraph(prev, line, spacing, body)) appendLine(current, line);
    else {
      if (current) out.push(current);
      current = { text: line.text, lines: [{ line, text: line.text, joined: false }] };
    }
    prev = line;
  }
  if (current) out.push(current);
  return out;
}

/** Joins `line` onto the paragraph as joinLines does, and records what each line holds of the text. */
function appendLine(paragraph: Paragraph, line: TextLine): void {
  const join = joinOf(paragraph.text, line.text);
  const last = paragraph.lines.at(-1)!;
  // A mended word's hyphen leaves the previous line's share of the text.
  if (join === 'mend') last.text = last.text.slice(0, -1);
  paragraph.lines.push({ line, text: line.text, joined: join !== 'space' });
  paragraph.text = joinLines(paragraph.text, line.text);
}

/** The page's paragraphs in reading order; lines hold no edge or doubled spaces (buildLines), so none is trimmed. */
export function buildParagraphs(streams: readonly LineStream[]): Paragraph[] {
  return streams.flatMap(streamParagraphs).filter((p) => p.text !== '');
}
