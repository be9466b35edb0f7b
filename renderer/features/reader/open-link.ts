export type LinkKind = 'external' | 'anchor' | 'insecure' | 'blocked';

/** Only https and mailto leave the app (after the user confirms); fragments scroll; anything else is inert. */
export function classifyLink(href: string | null): LinkKind {
  if (!href) return 'blocked';
  if (href.startsWith('#')) return 'anchor';
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'blocked';
  }
  if (url.protocol === 'https:' || url.protocol === 'mailto:') return 'external';
  // Plain http is shown as a link but not opened: the user can copy it if they trust it.
  return url.protocol === 'http:' ? 'insecure' : 'blocked';
}
