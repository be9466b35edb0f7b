import type { ApiError, ErrorCode, GlossApi } from '../../main/model/contract';
import type { Transport } from './transports';

/** A failed call, with the stable code to branch on and a message to show the user. */
export class ApiCallError extends Error {
  readonly code: ErrorCode;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
  }
}

/** A `GlossApi` whose every method is forwarded to the transport; no method list is kept here. */
export function createApiClient(transport: Transport): GlossApi {
  return new Proxy({} as GlossApi, {
    get(_target, method) {
      if (typeof method !== 'string') return undefined;
      return async (input: unknown) => {
        const result = await transport(method, input ?? {});
        if (!result.ok) throw new ApiCallError(result.error);
        return result.value;
      };
    },
  });
}
