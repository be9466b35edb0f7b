// A dialog that closes by itself (Save, Add to library, a finished export)
// leaves the habitual Escape that follows with nothing to close. That one
// Escape must not fall through to the screen below and, say, leave the article.

/** Long enough for a reflex, short enough that a deliberate Escape later still counts. */
const GRACE_MS = 1500;

let armedAt = Number.NEGATIVE_INFINITY;

function onOtherInput(event: Event): void {
  if (event instanceof KeyboardEvent && event.key === 'Escape') return;
  disarm();
}

function disarm(): void {
  armedAt = Number.NEGATIVE_INFINITY;
  window.removeEventListener('keydown', onOtherInput, true);
  window.removeEventListener('pointerdown', onOtherInput, true);
}

/** Called when a dialog closes other than by Escape. Any other key or click first disarms it. */
export function armStrayEscape(): void {
  disarm();
  armedAt = performance.now();
  window.addEventListener('keydown', onOtherInput, true);
  window.addEventListener('pointerdown', onOtherInput, true);
}

/** Called when a dialog closes by Escape: the user's Escape was spent on it. */
export function disarmStrayEscape(): void {
  disarm();
}

/** True, once, for an Escape pressed just after a dialog closed by itself. */
export function takeStrayEscape(): boolean {
  const stray = performance.now() - armedAt < GRACE_MS;
  disarm();
  return stray;
}
