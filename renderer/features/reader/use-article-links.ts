import { useState, type MouseEvent } from 'react';
import { useApi } from '../../api/api-context';
import { messageOf } from '../../api/message-of';
import { openExternalLink } from '../../api/platform';
import type { Notify } from '../../components/Toast';
import { classifyLink } from './open-link';

/** The target's name in `#name`, percent-escapes decoded; a malformed escape ("#100%") is taken as written. */
function fragmentName(href: string): string {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/**
 * Links in the article: anchors scroll within it, https and email links wait
 * for the user's confirmation (`pendingLink`), anything else is refused.
 */
export function useArticleLinks(root: HTMLElement | null, notify: Notify) {
  const api = useApi();
  const [pendingLink, setPendingLink] = useState<string | null>(null);

  const onArticleClick = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as Element).closest('a');
    if (!link || !event.currentTarget.contains(link)) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    switch (classifyLink(href)) {
      case 'external':
        setPendingLink(href);
        break;
      case 'anchor': {
        const name = fragmentName(href!);
        const target =
          root?.querySelector(`[id="${CSS.escape(`user-content-${name}`)}"]`) ??
          root?.querySelector(`[id="${CSS.escape(name)}"], [name="${CSS.escape(`user-content-${name}`)}"]`);
        target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        break;
      }
      case 'insecure':
        notify(`Gloss opens only https and email links. This one is: ${href}`);
        break;
      case 'blocked':
        break;
    }
  };

  const openLink = (url: string) => {
    setPendingLink(null);
    openExternalLink(api, url).catch((caught: unknown) =>
      notify(messageOf(caught, 'The link could not be opened.'), { level: 'error' }),
    );
  };

  return { pendingLink, onArticleClick, openLink, cancelLink: () => setPendingLink(null) };
}
