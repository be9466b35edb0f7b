// In a long article drawn in chunks, the chunks between here and a far target
// have estimated heights until they are laid out. A jump aimed with estimates
// lands off as soon as the chunks near the target are laid out, so it is aimed
// again in the next frames, until the target stays put. A scroll by the reader
// meanwhile ends the correction: theirs wins.

/** Frames to keep aiming: the browser lays out newly near chunks within a frame or two. */
const FRAMES = 10;

/**
 * Jumps by `miss()` (how far the target is from where it should be, in pixels)
 * now and again in each of the next few frames while it keeps missing.
 */
export function jumpAndSettle(scroller: HTMLElement, miss: () => number): void {
  let expected = aim(scroller, miss());
  let left = FRAMES;
  const again = () => {
    if (!scroller.isConnected || Math.abs(scroller.scrollTop - expected) > 1) return;
    expected = aim(scroller, miss());
    if (--left > 0) requestAnimationFrame(again);
  };
  requestAnimationFrame(again);
}

function aim(scroller: HTMLElement, by: number): number {
  if (Math.abs(by) >= 1) scroller.scrollTop += by;
  return scroller.scrollTop;
}
