import { useState, type MouseEvent, type ReactNode } from 'react';
import type { Notify } from '../../components/Toast';
import { LinkDialog } from '../reader/LinkDialog';
import { classifyLink } from '../reader/open-link';
import { messageOf } from '../../api/message-of';
import { openExternalLink } from '../../api/platform';
import { useApi } from '../../api/api-context';

/**
 * Links inside rendered notes never navigate the app: https and mailto open
 * outside after the same confirmation the article's links get; others do nothing.
 */
export function NoteLinks({
  notify,
  children,
  className,
}: {
  notify: Notify;
  children: ReactNode;
  className?: string;
}) {
  const api = useApi();
  const [pending, setPending] = useState<string | null>(null);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest('a');
    if (!link || !event.currentTarget.contains(link)) return;
    event.preventDefault();
    const href = link.getAttribute('href');
    if (classifyLink(href) === 'external') setPending(href);
  };

  const open = (url: string) => {
    setPending(null);
    openExternalLink(api, url).catch((caught: unknown) =>
      notify(messageOf(caught, 'The link could not be opened.'), { level: 'error' }),
    );
  };

  return (
    <div className={className} onClick={onClick} onAuxClick={onClick}>
      {children}
      {pending && <LinkDialog url={pending} onOpen={() => open(pending)} onCancel={() => setPending(null)} />}
    </div>
  );
}
