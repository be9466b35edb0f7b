import { useEffect, useState } from 'react';
import { Icon } from '../../components/Icon';
import { Tabs } from '../../components/Tabs';
import type { Notify } from '../../components/Toast';
import { LibraryAnnotationsView } from '../annotations/LibraryAnnotationsView';
import { LibraryEntitiesView } from '../entities/LibraryEntitiesView';
import type { Importer } from '../import/use-import';
import { ArticlesSection } from './ArticlesSection';

type Section = 'articles' | 'highlights' | 'entities';

export interface LibraryProps {
  nativeDialogs: boolean;
  importer: Importer;
  /** Bumped by the app after an import so the list reloads. */
  refreshKey: number;
  /** `at`/`end`: a canonical range to reveal and flash (a highlight, a mention). */
  openArticle: (id: string, at?: number, end?: number) => void;
  /** The article to put the keyboard on once the list shows it (the one just read or imported). */
  focusArticle?: string;
  notify: Notify;
  onShowHelp: () => void;
}

export function LibraryView(props: LibraryProps) {
  const { openArticle, onShowHelp } = props;
  const [section, setSection] = useState<Section>('articles');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === '?') {
        event.preventDefault();
        onShowHelp();
      } else if (event.key === '/') {
        const filter = document.querySelector<HTMLInputElement>('input[aria-label="Filter articles"]');
        if (filter) {
          event.preventDefault();
          filter.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onShowHelp]);

  return (
    <div className="library">
      <Tabs<Section>
        label="Library sections"
        className="library__tabs"
        selected={section}
        onSelect={setSection}
        leading={<h1 className="wordmark">Gloss</h1>}
        trailing={
          <button
            type="button"
            className="button button--quiet icon-button library__help"
            aria-label="Keyboard shortcuts"
            aria-keyshortcuts="?"
            onClick={onShowHelp}
          >
            <Icon name="help" />
          </button>
        }
        tabs={[
          { id: 'articles', label: 'Articles', render: () => <ArticlesSection {...props} /> },
          {
            id: 'highlights',
            label: 'Highlights',
            render: () => (
              <div className="library__section">
                <LibraryAnnotationsView notify={props.notify} openArticle={openArticle} />
              </div>
            ),
          },
          {
            id: 'entities',
            label: 'Entities',
            render: () => (
              <div className="library__section">
                <LibraryEntitiesView openArticle={openArticle} />
              </div>
            ),
          },
        ]}
      />
    </div>
  );
}
