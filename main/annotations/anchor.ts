// Finds where a stored annotation belongs in a (possibly changed) canonical text.
//
// Order, as Hypothesis does it: the stored position (checked against the quote),
// then exact occurrences of the quote scored by context and distance, then a
// fuzzy match (approx-string-match) of the quote scored the same way. A fuzzy
// match must stay close to the original words; otherwise we return null and the
// caller keeps the annotation as an orphan rather than attach it to other text.
//
// Status follows the contract: 'anchored' when the exact quote was found,
// 'moved' when only a fuzzy match was (the highlighted text itself changed).
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../model/contract';

export interface AnchorResult {
  start: number;
  end: number;
  status: 'anchored' | 'moved';
}

export interface AnchorOptions {
  /** Where the quote is expected, e.g. the old start mapped through a diff. Defaults to the stored start. */
  hint?: number;
  /**
   * Whether the quote occurred more than once in the text the selectors were made
   * on. Then only its context identified it, so a remaining copy in unfamiliar
   * context is not taken for it. Called lazily (it costs a scan of the old text).
   */
  recurred?: () => boolean;
}

/** Largest share of the quote's characters a fuzzy match may differ in. */
const MAX_FUZZY_ERROR_RATE = 0.25;
/** Exact occurrences scanned at most; a very common quote is disambiguated among these. */
const MAX_EXACT_OCCURRENCES = 2000;
/**
 * Context agreement (0..1) above which an exact candidate is trusted without trying fuzzy.
 * Unrelated 32-char windows of prose score about 0.3 (sentence ends and spaces align).
 */
const GOOD_CONTEXT = 0.5;
/** Short quotes are easy to match by accident, so a fuzzy one needs this much context agreement. */
const SHORT_QUOTE = 32;
const SHORT_QUOTE_MIN_CONTEXT = 0.75;
/** Characters either side of the expected position searched before the whole text. */
const NEAR_WINDOW = 4000;
/** Above this many words the word-level check is skipped (the character budget suffices). */
const MAX_WORDS_CHECKED = 300;

const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

interface Candidate {
  start: number;
  end: number;
  errors: number;
  context: number;
  score: number;
}

export function anchorSelectors(
  text: string,
  selectors: readonly [TextPositionSelector, TextQuoteSelector],
  options: AnchorOptions = {},
): AnchorResult | null {
  const [position, quote] = selectors;
  const exact = quote.exact;
  if (exact.length === 0 || exact.length > text.length) return null;
  const hint = clamp(options.hint ?? position.start, 0, text.length);

  // 1. Expected position: trusted when the quote is there and either the quote is
  // long enough to be unambiguous or its context agrees. The stored offset, when a
  // hint says the text moved, must have agreeing context.
  const expected = (at: number, contextFree: boolean) =>
    text.startsWith(exact, at) &&
    ((contextFree && exact.length >= SHORT_QUOTE) || contextScore(text, at, at + exact.length, quote) >= GOOD_CONTEXT);
  if (expected(hint, true)) return { start: hint, end: hint + exact.length, status: 'anchored' };
  if (hint !== position.start && position.start >= 0 && expected(position.start, false)) {
    return { start: position.start, end: position.start + exact.length, status: 'anchored' };
  }

  // 2. Exact occurrences anywhere, best context then nearest the hint.
  const exactCandidates = exactOccurrences(text, exact).map((start) =>
    scoreCandidate(text, start, start + exact.length, 0, quote, hint),
  );
  const bestExact = best(exactCandidates);
  // An exact quote whose context disagrees may still lose to a fuzzy match whose
  // context agrees (the passage was edited and its words recur elsewhere).
  if (bestExact && bestExact.context >= GOOD_CONTEXT) return toResult(bestExact, 'anchored');

  // 3. Fuzzy match of the quote within the error budget.
  // A quote that recurs, none of whose occurrences sits in familiar context, is
  // ambiguous: better an orphan than a note on the wrong sentence.
  const ambiguous =
    (exactCandidates.length > 1 && exact.length < SHORT_QUOTE) ||
    (exactCandidates.length > 0 && !!options.recurred?.());
  const plausibleExact = ambiguous ? [] : exactCandidates; // none had good context (step 2)
  // Most edits are local: search near the hint first, the whole text only when
  // nothing there agrees with the context (a moved passage, or an orphan).
  const from = Math.max(0, hint - NEAR_WINDOW);
  const to = Math.min(text.length, hint + exact.length + NEAR_WINDOW);
  let fuzzy = fuzzyCandidates(text, quote, hint, from, to);
  const nearBest = best(fuzzy);
  if (!nearBest || nearBest.context < GOOD_CONTEXT) {
    if (from > 0 || to < text.length) fuzzy = fuzzyCandidates(text, quote, hint, 0, text.length);
  }
  const winner = best([...plausibleExact, ...fuzzy]);
  if (!winner) return null;
  return toResult(winner, winner.errors === 0 ? 'anchored' : 'moved');
}

function toResult(c: Candidate, status: AnchorResult['status']): AnchorResult {
  return { start: c.start, end: c.end, status };
}

function best(candidates: Candidate[]): Candidate | undefined {
  let top: Candidate | undefined;
  for (const c of candidates) if (!top || c.score > top.score) top = c;
  return top;
}

function exactOccurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(exact); i !== -1 && found.length < MAX_EXACT_OCCURRENCES; i = text.indexOf(exact, i + 1)) {
    found.push(i);
  }
  return found;
}

function fuzzyCandidates(text: string, quote: TextQuoteSelector, hint: number, from: number, to: number): Candidate[] {
  const exact = quote.exact;
  const maxErrors = Math.floor(exact.length * MAX_FUZZY_ERROR_RATE);
  if (maxErrors === 0) return [];
  const out: Candidate[] = [];
  for (const m of search(text.slice(from, to), exact, maxErrors)) {
    if (m.errors === 0 || m.end <= m.start) continue; // exact ones are scored in step 2
    const c = scoreCandidate(text, from + m.start, from + m.end, m.errors, quote, hint);
    if (exact.length < SHORT_QUOTE && c.context < SHORT_QUOTE_MIN_CONTEXT) continue;
    if (!sameWords(exact, text.slice(c.start, c.end))) continue;
    out.push(c);
  }
  return out;
}

function scoreCandidate(
  text: string,
  start: number,
  end: number,
  errors: number,
  quote: TextQuoteSelector,
  hint: number,
): Candidate {
  const prefix = prefixScore(text, start, quote.prefix);
  const suffix = suffixScore(text, end, quote.suffix);
  const quoteSim = 1 - errors / quote.exact.length;
  const posSim = 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
  const score =
    (WEIGHT.quote * quoteSim + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix + WEIGHT.position * posSim) /
    WEIGHT_TOTAL;
  return { start, end, errors, context: (prefix + suffix) / 2, score };
}

function contextScore(text: string, start: number, end: number, quote: TextQuoteSelector): number {
  return (prefixScore(text, start, quote.prefix) + suffixScore(text, end, quote.suffix)) / 2;
}

// An empty stored prefix means the quote began the text; a candidate that also
// begins the text agrees fully, any other is neutral.
function prefixScore(text: string, start: number, prefix: string): number {
  if (prefix.length === 0) return start === 0 ? 1 : 0.5;
  const window = text.slice(Math.max(0, start - prefix.length), start);
  return similarity(window, prefix);
}

function suffixScore(text: string, end: number, suffix: string): number {
  if (suffix.length === 0) return end === text.length ? 1 : 0.5;
  const window = text.slice(end, end + suffix.length);
  return similarity(window, suffix);
}

/** 1 − (edit errors of the best alignment of `pattern` inside `window`) / pattern length. */
function similarity(window: string, pattern: string): number {
  if (window.length === 0) return 0;
  const matches = search(window, pattern, pattern.length);
  if (matches.length === 0) return 0;
  let minErrors = pattern.length;
  for (const m of matches) minErrors = Math.min(minErrors, m.errors);
  return 1 - minErrors / pattern.length;
}

// Character similarity alone accepts "rose by 12%" for "fell by 42%" in a long
// sentence; requiring most words to survive keeps notes on the text they were about.
function sameWords(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.length > MAX_WORDS_CHECKED || wb.length > MAX_WORDS_CHECKED) return true;
  const changed = Math.max(wa.length, wb.length) - lcsLength(wa, wb);
  return changed <= Math.max(1, Math.floor(wa.length / 3));
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function lcsLength(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    }
    prev = row;
  }
  return prev[b.length]!;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
