/**
 * The sentence to show for a failed call: the AppError's user message when the
 * main process sent one, else the caller's own sentence naming what failed.
 */
export function messageOf(error: unknown, fallback: string): string {
  return error instanceof Error && error.message ? error.message : fallback;
}
