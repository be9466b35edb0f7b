import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorSelectors } from './anchor';
import { describeRange } from './describe';

const v1 = readFileSync(new URL('../../tests/fixtures/anchoring/harbour-v1.txt', import.meta.url), 'utf8');

function selectorsFor(text: string, quote: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`fixture lacks ${quote}`);
  return describeRange(text, at, at + quote.length);
}

describe('describeRange', () => {
  it('stores position, exact quote and 32 chars of context each side', () => {
    const [pos, quote] = selectorsFor(v1, 'Ruth Abernathy');
    expect(v1.slice(pos.start, pos.end)).toBe('Ruth Abernathy');
    expect(quote.exact).toBe('Ruth Abernathy');
    expect(quote.prefix).toHaveLength(32);
    expect(quote.prefix.endsWith('the chair, ')).toBe(true);
    expect(quote.suffix.startsWith(', let the engineers')).toBe(true);
  });

  it('clips context at the ends of the text', () => {
    const [, quote] = describeRange(v1, 0, 3);
    expect(quote.prefix).toBe('');
    const [, last] = describeRange(v1, v1.length - 3, v1.length);
    expect(last.suffix).toBe('');
  });
});

describe('anchorSelectors', () => {
  it('keeps the exact position on unchanged text', () => {
    const sel = selectorsFor(v1, 'tide table annotated in red ink');
    expect(anchorSelectors(v1, sel)).toEqual({ start: sel[0].start, end: sel[0].end, status: 'anchored' });
  });

  it('follows the quote when a paragraph is inserted before it', () => {
    const sel = selectorsFor(v1, 'tide table annotated in red ink');
    const inserted = 'A new opening paragraph pushes everything down the page.\n';
    const edited = inserted + v1;
    const r = anchorSelectors(edited, sel);
    expect(r).toEqual({ start: sel[0].start + inserted.length, end: sel[0].end + inserted.length, status: 'anchored' });
  });

  it('follows the quote when a paragraph before it is deleted', () => {
    const sel = selectorsFor(v1, 'managed retreat of the eastern quay');
    const para = v1.split('\n')[3]! + '\n';
    const edited = v1.replace(para, '');
    const r = anchorSelectors(edited, sel);
    expect(r?.status).toBe('anchored');
    expect(edited.slice(r!.start, r!.end)).toBe('managed retreat of the eastern quay');
  });

  it('picks the right one of two identical quotes by context', () => {
    const second = selectorsFor(v1, 'The board will vote in March.', 1);
    const first = selectorsFor(v1, 'The board will vote in March.', 0);
    // Shift everything so neither stored position is right any more.
    const edited = 'Preface.\n' + v1;
    const r2 = anchorSelectors(edited, second);
    const r1 = anchorSelectors(edited, first);
    expect(r2?.start).toBe(second[0].start + 9);
    expect(r1?.start).toBe(first[0].start + 9);
  });

  it('picks the right one of two identical quotes when the stored position is stale and the context is what tells', () => {
    const second = selectorsFor(v1, 'The board will vote in March.', 1);
    // Point the stored position at the first occurrence: only the context says "second".
    const stale: typeof second = [{ ...second[0], start: 10, end: 39 }, second[1]];
    const r = anchorSelectors(v1, stale);
    expect(r?.start).toBe(second[0].start);
  });

  it('re-anchors a quote whose words were edited inside, as moved', () => {
    const quote = 'dredging would cost just over four million pounds and would need repeating every eleven years';
    const sel = selectorsFor(v1, quote);
    const edited = v1.replace('just over four million', 'just under four million');
    const r = anchorSelectors(edited, sel);
    expect(r?.status).toBe('moved');
    expect(edited.slice(r!.start, r!.end)).toContain('just under four million pounds');
    expect(Math.abs(r!.start - sel[0].start)).toBeLessThan(3);
  });

  it('re-anchors a quote whose surrounding words changed, as anchored', () => {
    const sel = selectorsFor(v1, 'brought a tide table');
    const edited = v1.replace('One of them, Tomas Reyes,', 'A skipper, Tomás Reyes, who');
    const r = anchorSelectors(edited, sel);
    expect(r?.status).toBe('anchored');
    expect(edited.slice(r!.start, r!.end)).toBe('brought a tide table');
  });

  it('orphans a quote whose text is gone', () => {
    const sel = selectorsFor(v1, 'wading birds in numbers not seen since the nineteen-fifties');
    const edited = v1.replace(v1.split('\n')[3]! + '\n', '');
    expect(anchorSelectors(edited, sel)).toBeNull();
  });

  it('refuses to attach a note to clearly different text', () => {
    const sel = selectorsFor(v1, 'the flats already shelter wading birds');
    const edited = v1.replace('the flats already shelter wading birds', 'the mudflats now hold almost no birds');
    expect(anchorSelectors(edited, sel)).toBeNull();
  });

  it('refuses a short quote rewritten with the same shape', () => {
    const sel = selectorsFor(v1, 'four million');
    const edited = v1.replace('four million', 'nine billion');
    expect(anchorSelectors(edited, sel)).toBeNull();
  });

  it('orphans a short recurring quote whose own paragraph is gone instead of jumping to another copy', () => {
    const quote = 'The board will vote in March.';
    const second = selectorsFor(v1, quote, 1);
    const paras = v1.split('\n');
    const edited = paras.filter((p) => !p.startsWith('After two hours')).join('\n');
    expect(edited.split(quote)).toHaveLength(2); // the first copy is still there
    expect(anchorSelectors(edited, second, { recurred: () => true })).toBeNull();
    // Without knowing the old text, a single remaining copy is taken (as Hypothesis would).
    expect(anchorSelectors(edited, second)?.start).toBe(v1.indexOf(quote));
  });

  it('still follows a short quote that is unique even when its context changed', () => {
    const sel = selectorsFor(v1, 'Tomas Reyes');
    const edited = v1.replace('One of them, Tomas Reyes, brought', 'Among them was Tomas Reyes, who had brought');
    const r = anchorSelectors(edited, sel);
    expect(r?.status).toBe('anchored');
    expect(edited.slice(r!.start, r!.end)).toBe('Tomas Reyes');
  });
});
