import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConll } from './conll-reader';
import { charSpanToTokens, layoutTokens, scoreSpans, type ScoredSpan } from './ner-score';
import { tagsToSpans } from '../../../main/entities/ner/tagger';

// A tiny hand-made gold file in the CoNLL-2003 column layout.
const GOLD = `-DOCSTART- -X- -X- O

Maria NNP B-NP B-PER
Okafor NNP I-NP I-PER
joined VBD B-VP O
Blue NNP B-NP B-ORG
Heron NNP I-NP I-ORG
Labs NNP I-NP I-ORG
in IN B-PP O
Tarsk NNP B-NP B-LOC
. . O O

Okafor NNP B-NP B-PER
likes VBZ B-VP O
Danish JJ B-NP B-MISC
pastry NN I-NP O
. . O O
`;

function goldSpans(): ScoredSpan[] {
  const dir = mkdtempSync(join(tmpdir(), 'ner-score-'));
  const file = join(dir, 'gold.txt');
  writeFileSync(file, GOLD);
  const [doc] = readConll(file);
  const out: ScoredSpan[] = [];
  let offset = 0;
  for (const s of doc!) {
    for (const span of tagsToSpans(s.tags))
      out.push({ doc: 0, start: offset + span.start, end: offset + span.end, type: span.type });
    offset += s.tokens.length;
  }
  return out;
}

describe('scoreSpans', () => {
  it('counts exact span and type matches only', () => {
    const gold = goldSpans();
    expect(gold).toHaveLength(5);
    const predicted: ScoredSpan[] = [
      { doc: 0, start: 0, end: 2, type: 'PER' }, // right
      { doc: 0, start: 3, end: 5, type: 'ORG' }, // span too short
      { doc: 0, start: 7, end: 8, type: 'ORG' }, // wrong type
      { doc: 0, start: 9, end: 10, type: 'PER' }, // right
      { doc: 0, start: 11, end: 12, type: 'MISC' }, // right, MISC
    ];
    const all = scoreSpans(gold, predicted, ['PER', 'ORG', 'LOC', 'MISC']);
    expect(all.micro.tp).toBe(3);
    expect(all.micro.fp).toBe(2);
    expect(all.micro.fn).toBe(2);
    expect(all.micro.precision).toBeCloseTo(3 / 5);
    expect(all.micro.recall).toBeCloseTo(3 / 5);
    expect(all.micro.f1).toBeCloseTo(0.6);
    expect(all.perType.PER).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    expect(all.perType.LOC).toMatchObject({ tp: 0, fp: 0, fn: 1, f1: 0 });
    expect(all.perType.ORG).toMatchObject({ tp: 0, fp: 2, fn: 1 });

    const plo = scoreSpans(gold, predicted, ['PER', 'ORG', 'LOC']);
    expect(plo.micro).toMatchObject({ tp: 2, fp: 2, fn: 2 });
    expect(plo.micro.f1).toBeCloseTo(0.5);
  });

  it('maps character spans back to token spans only on exact boundaries', () => {
    const layout = layoutTokens([
      ['Maria', 'Okafor', 'joined'],
      ['Okafor', '.'],
    ]);
    expect(layout.text).toBe('Maria Okafor joined\nOkafor .');
    expect(charSpanToTokens(layout, 0, 12)).toEqual({ start: 0, end: 2 });
    expect(charSpanToTokens(layout, 20, 26)).toEqual({ start: 3, end: 4 });
    expect(charSpanToTokens(layout, 0, 4)).toBeNull();
    expect(charSpanToTokens(layout, 1, 12)).toBeNull();
  });
});
