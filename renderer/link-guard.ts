/**
 * A safety net under every link the app renders from user or imported content
 * (article bodies, note previews in the sidebar, the popover and the library's
 * highlights view): a click that no feature handled never navigates the app
 * window or opens a tab. Features that want a link to leave (the reader's
 * confirmation dialog) call preventDefault themselves first, so this only
 * catches links nobody took charge of.
 */
export function containLinks(win: Window): void {
  const stop = (event: MouseEvent) => {
    if (event.defaultPrevented) return;
    const link = event.target instanceof Element ? event.target.closest('a[href], area[href]') : null;
    if (!link) return;
    const href = link.getAttribute('href') ?? '';
    // In-page fragments may scroll, and the app's own downloads (a blob: URL with
    // `download`; sanitized content never keeps blob: links) may save; nothing else moves.
    if (href.startsWith('#')) return;
    if (href.startsWith('blob:') && link.hasAttribute('download')) return;
    event.preventDefault();
  };
  // Bubble phase on the window: React's handlers on the root have already run.
  win.addEventListener('click', stop);
  win.addEventListener('auxclick', stop);
}
