import { describe, expect, it } from 'vitest';
import type { GlossApi } from '../model/contract';
import { dispatch } from './dispatch';
import { AppError } from '../model/errors';

function fakeApi(overrides: Partial<GlossApi>): GlossApi {
  return overrides as GlossApi;
}

describe('dispatch', () => {
  const quiet = () => {};

  it('calls the named handler with its input and wraps the value', async () => {
    const api = fakeApi({ getArticle: async ({ id }) => ({ id }) as never });
    expect(await dispatch(api, 'getArticle', { id: 'a1' }, quiet)).toEqual({ ok: true, value: { id: 'a1' } });
  });

  it('refuses unknown methods, including inherited ones', async () => {
    const api = fakeApi({});
    for (const method of ['nope', 'toString', '__proto__', 'constructor', 42]) {
      const result = await dispatch(api, method, {}, quiet);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('refuses an input that is not one object', async () => {
    const api = fakeApi({ listArticles: async () => [] });
    for (const input of [null, 'x', 3, ['a']]) {
      expect(await dispatch(api, 'listArticles', input, quiet)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });

  it('turns an AppError into data with its code and message', async () => {
    const api = fakeApi({
      getArticle: async () => {
        throw new AppError('not_found', 'That article is no longer in your library.');
      },
    });
    expect(await dispatch(api, 'getArticle', { id: 'x' }, quiet)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'That article is no longer in your library.' },
    });
  });

  it('reports an unexpected error as internal and logs it', async () => {
    const logged: unknown[] = [];
    const api = fakeApi({
      listArticles: async () => {
        throw new TypeError('boom');
      },
    });
    const result = await dispatch(api, 'listArticles', {}, (_m, e) => logged.push(e));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logged).toHaveLength(1);
  });

  it('sends null for a handler that returns nothing, so JSON keeps the key', async () => {
    const api = fakeApi({ deleteArticle: async () => undefined });
    expect(await dispatch(api, 'deleteArticle', { id: 'a' }, quiet)).toEqual({ ok: true, value: null });
  });
});
