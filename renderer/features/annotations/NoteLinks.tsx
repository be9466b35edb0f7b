import { useState, type MouseEvent, type ReactNode } from 'react';
import type { GlossApi } from '../../../main/model/contract';
import type { Notify } from '../../components/Toast';
import { LinkDialog } from '../reader/LinkDialog';
import { classifyLink } from '../reader/open-link';
import { messageOf } from '../../api/message-of';

/**
 * Links inside rendered notes never navigate the app: https and mailto open
 * outside after the same confirmation the article's links get; others do nothing.
 */
export function NoteLinks({
  api,
  notify,
  children,
  className,
}: {
  api: GlossApi;
  notify: Notify;
  children: ReactNode;
  className?: string;
}) {
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
    if (window.glossBridge) {
      api
        .openExternal({ url })
        .catch((caught: unknown) => notify(messageOf(caught, 'The link could not be opened.'), { level: 'error' }));
    } else {
      window.open(url, '_blank', 'noopener,noreferrer');
    }
  };

  return (
    <div className={className} onClick={onClick} onAuxClick={onClick}>
      {children}
      {pending && <LinkDialog url={pending} onOpen={() => open(pending)} onCancel={() => setPending(null)} />}
    </div>
  );
}
