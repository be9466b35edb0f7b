/**
 * The sentence to show for a failed call: the AppError's user message when the
 * main process sent one, else the caller's own sentence naming what failed.
 */
export function messageOf(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}

/** The AppError code a failed call carries (the UI branches on it), if any. */
export function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}
