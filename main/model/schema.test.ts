import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import {
  between,
  describeProblem,
  ensure,
  fields,
  list,
  literal,
  matches,
  nullable,
  oneOf,
  optional,
  str,
} from './schema';
import { ANNOTATION_SHAPE, DATA_BLOCK_SHAPE } from './shapes';

describe('the schema toolkit', () => {
  const shape = fields({ name: str, kind: oneOf(['a', 'b']), items: list(fields({ n: between(0, 9) })) });

  it('names the path of the first problem, and passes what fits', () => {
    expect(describeProblem('file', shape, { name: 'x', kind: 'a', items: [{ n: 1 }, { n: 12 }] })).toBe(
      'file.items[1].n is not a number from 0 to 9',
    );
    expect(describeProblem('file', shape, { name: 'x', kind: 'c', items: [] })).toBe('file.kind is not one of a, b');
    expect(describeProblem('file', shape, { name: 'x', kind: 'b', items: [] })).toBeNull();
    expect(optional(str)(undefined)).toBeNull();
    expect(nullable(str)(null)).toBeNull();
    expect(literal(1)(2)).toBe(' is not 1');
  });

  it('ensure throws the sentence for users, as invalid_input', () => {
    expect(() => ensure(shape, [], 'That list cannot be read.')).toThrowError(
      expect.objectContaining({ code: 'invalid_input', message: 'That list cannot be read.' }) as AppError,
    );
    expect(ensure(str, 'ok', 'never')).toBe('ok');
  });

  it('the stored annotation shape refuses a color outside the list and a selector missing its quote', () => {
    const annotation = {
      id: 'a1',
      created: '2026-01-01',
      modified: '2026-01-01',
      status: 'anchored',
      body: { color: 'yellow', note: '', tags: [] },
      target: {
        source: 'art',
        selector: [
          { type: 'TextPositionSelector', start: 0, end: 4 },
          { type: 'TextQuoteSelector', exact: 'Ruth', prefix: '', suffix: ' ' },
        ],
      },
    };
    expect(matches(ANNOTATION_SHAPE, annotation)).toBe(true);
    expect(ANNOTATION_SHAPE({ ...annotation, body: { ...annotation.body, color: 'red' } })).toMatch(/^\.body\.color/);
    expect(
      ANNOTATION_SHAPE({ ...annotation, target: { source: 'art', selector: [annotation.target.selector[0]] } }),
    ).toBe('.target.selector is not a pair of selectors');
    expect(matches(DATA_BLOCK_SHAPE, { format: 2, id: 'x', note: '', tags: [], annotations: [] })).toBe(false);
  });
});
