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

/**
 * "exam-" + "ple of" → "example of" when the next line goes on in lower case; a hyphen before a
 * capital or a digit ("well-" + "Known", "COVID-" + "19") is part of the word and stays.
 */
export function joinLines(a: string, b: string): string {
  if (!LINE_END_HYPHEN.test(a)) return `${a} ${b}`;
  const stem = a.slice(0, -1);
  if (/^\p{Ll}/u.test(b)) return stem + b;
  return a.endsWith('\u00AD') ? stem + b : a + b;
}

/** A stream's paragraphs, each one string. */
function streamParagraphs(stream: readonly TextLine[]): string[] {
  const body = bodySize(stream);
  const spacing = lineSpacing(stream, body);
  const out: string[] = [];
  let text = '';
  let prev: TextLine | null = null;
  for (const line of stream) {
    if (prev && !startsParagraph(prev, line, spacing, body)) text = joinLines(text, line.text);
    else {
      if (text) out.push(text);
      text = line.text;
    }
    prev = line;
  }
  if (text) out.push(text);
  return out;
}

export function buildParagraphs(streams: readonly LineStream[]): string[] {
  return streams
    .flatMap(streamParagraphs)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
