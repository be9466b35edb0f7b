import type { ApiError, ErrorCode } from './contract';

/** An error whose message is written for the user. Crosses the wire as `{code, message}`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The one sentence to show for any error: ours as written, anything else without its class name. */
export function userMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
