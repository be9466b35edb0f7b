import { useId, type RefObject } from 'react';
import type { ReaderSettings } from '../../../main/model/contract';
import { Icon } from '../../components/Icon';
import type { HighlightSteps } from '../annotations/use-highlight-steps';
import { ExportButton } from '../export/ExportButton';
import { PdfControls } from '../pdf/PdfControls';
import type { PdfPagesView } from '../pdf/use-pdf-pages';
import { ContentsMenu } from './ContentsMenu';
import { ReadingSettings } from './ReadingSettings';
import type { ShelfToggles } from './use-shelf-toggles';

interface Props {
  title: string;
  /** The title repeated in the toolbar, shown once the real one has scrolled away (use-reading-progress). */
  titleRef: RefObject<HTMLParagraphElement | null>;
  onBack: () => void;
  onEdit: () => void;
  onHelp: () => void;
  settings: ReaderSettings;
  onSettingsChange: (patch: Partial<ReaderSettings>) => void;
  settingsOpen: boolean;
  setSettingsOpen: (update: (open: boolean) => boolean) => void;
  sidebarId: string;
  sidebarOpen: boolean;
  onToggleSidebar: () => void;
  /** Next / previous highlight ([ and ]). */
  steps: HighlightSteps;
  /** Archive and Favorite (e and f). */
  shelf: ShelfToggles;
  /** A PDF's page view: layout, zoom, page (nothing shows for other articles). */
  pdf: PdfPagesView;
}

/** The reader's toolbar: back, the title, contents, highlight steps, favorite, archive, export, details, reading settings, the sidebar and help. */
export function ReaderToolbar(props: Props) {
  const { settingsOpen, setSettingsOpen, sidebarOpen } = props;
  const settingsId = useId();
  return (
    <header className="reader__toolbar">
      <button type="button" className="button button--quiet" onClick={props.onBack} aria-label="Back to library">
        <Icon name="back" />
        Library
      </button>
      <p ref={props.titleRef} className="reader__toolbar-title" aria-hidden="true">
        {props.title}
      </p>
      <div className="reader__tools">
        <PdfControls view={props.pdf} />
        <ContentsMenu />
        {props.steps.count > 0 && (
          <>
            <button
              type="button"
              className="button button--quiet icon-button"
              aria-label="Previous highlight"
              title="Previous highlight ([)"
              onClick={props.steps.previous}
            >
              ‹
            </button>
            <button
              type="button"
              className="button button--quiet icon-button"
              aria-label="Next highlight"
              title="Next highlight (])"
              onClick={props.steps.next}
            >
              ›
            </button>
          </>
        )}
        <button
          type="button"
          className="button button--quiet icon-button"
          aria-label="Favorite"
          aria-pressed={props.shelf.favorite}
          title={props.shelf.favorite ? 'Favorite — click to remove (f)' : 'Add to Favorites (f)'}
          onClick={props.shelf.toggleFavorite}
        >
          <Icon name="star" />
        </button>
        <button
          type="button"
          className="button button--quiet icon-button"
          aria-label={props.shelf.archived ? 'Move to Inbox' : 'Archive'}
          title={props.shelf.archived ? 'Move to Inbox (e)' : 'Archive (e)'}
          onClick={props.shelf.toggleArchived}
        >
          <Icon name={props.shelf.archived ? 'inbox' : 'archive'} />
        </button>
        <ExportButton />
        <button
          type="button"
          className="button button--quiet icon-button"
          aria-label="Edit details"
          title="Edit details"
          onClick={props.onEdit}
        >
          <Icon name="edit" />
        </button>
        <div className="reader__settings-anchor">
          <button
            type="button"
            className="button button--quiet icon-button"
            aria-label="Reading settings"
            title="Reading settings"
            aria-expanded={settingsOpen}
            aria-controls={settingsId}
            onClick={() => setSettingsOpen((open) => !open)}
          >
            <Icon name="type" />
          </button>
          {settingsOpen && (
            <ReadingSettings
              id={settingsId}
              settings={props.settings}
              onChange={props.onSettingsChange}
              onClose={() => setSettingsOpen(() => false)}
            />
          )}
        </div>
        <button
          type="button"
          className="button button--quiet icon-button"
          aria-label="Sidebar"
          title={sidebarOpen ? 'Hide sidebar' : 'Show sidebar'}
          aria-expanded={sidebarOpen}
          aria-controls={props.sidebarId}
          onClick={props.onToggleSidebar}
        >
          <Icon name="sidebar" />
        </button>
        <button
          type="button"
          className="button button--quiet icon-button"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          aria-keyshortcuts="?"
          onClick={props.onHelp}
        >
          <Icon name="help" />
        </button>
      </div>
    </header>
  );
}
