import type { ApiResult, GlossApi } from '../model/contract';
import { isAppError, userMessage } from '../model/errors';

export type Logger = (message: string, error: unknown) => void;

const logToStderr: Logger = (message, error) => console.error(message, error);

/**
 * The one entry point every transport calls: looks the method up in the handler
 * table, runs it, and turns every outcome into data (errors thrown across
 * Electron IPC lose their properties, and HTTP has no exceptions at all).
 */
export async function dispatch(
  api: GlossApi,
  method: unknown,
  input: unknown,
  log: Logger = logToStderr,
): Promise<ApiResult<unknown>> {
  if (typeof method !== 'string' || !Object.hasOwn(api, method)) {
    return { ok: false, error: { code: 'invalid_input', message: `Unknown operation: ${String(method)}.` } };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: { code: 'invalid_input', message: `${method} expects one object as its input.` } };
  }
  const handler = api[method as keyof GlossApi] as (input: unknown) => Promise<unknown>;
  try {
    const value = await handler.call(api, input);
    return { ok: true, value: value ?? null };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.toApiError() };
    log(`Gloss: ${method} failed unexpectedly`, error);
    const detail = userMessage(error);
    return {
      ok: false,
      error: { code: 'internal', message: `Something went wrong (${detail}). Nothing was changed.` },
    };
  }
}
