import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { mergeHandlers } from './merge-handlers';

describe('mergeHandlers', () => {
  it('serves every feature table as one, so a new operation is one entry in its feature', async () => {
    const articles = { listArticles: async () => ['a1'] };
    const feature = { ping: async (input: { word: string }) => `pong ${input.word}` };
    const api = mergeHandlers(articles, feature);
    expect(await dispatch(api as never, 'ping', { word: 'hello' })).toEqual({ ok: true, value: 'pong hello' });
    expect(await dispatch(api as never, 'listArticles', {})).toEqual({ ok: true, value: ['a1'] });
  });

  it('refuses an operation that two features register', () => {
    expect(() => mergeHandlers({ getArticle: async () => 1 }, { getArticle: async () => 2 })).toThrow(
      'The operation getArticle is registered twice.',
    );
  });
});
