import { useState } from 'react';
import type { PdfPagesView } from './use-pdf-pages';

/** The page view's controls in the reader's toolbar: text or pages, zoom, and the page shown. */
export function PdfControls({ view }: { view: PdfPagesView }) {
  if (!view.available) return null;
  const pages = view.layout === 'pages';
  return (
    <div className="pdf-controls" role="group" aria-label="Pages">
      <button
        type="button"
        className="button button--quiet"
        title={pages ? 'Read the text reflowed' : 'Show the pages as drawn'}
        onClick={() => view.setLayout(pages ? 'text' : 'pages')}
      >
        {pages ? 'Text' : 'Pages'}
      </button>
      {pages && (
        <>
          <button
            type="button"
            className="button button--quiet icon-button"
            aria-label="Zoom out"
            title="Zoom out (-)"
            onClick={view.zoomOut}
          >
            −
          </button>
          <span className="pdf-controls__scale" aria-live="polite" aria-label="Zoom">
            {Math.round(view.scale * 100)}%
          </span>
          <button
            type="button"
            className="button button--quiet icon-button"
            aria-label="Zoom in"
            title="Zoom in (+)"
            onClick={view.zoomIn}
          >
            +
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-pressed={view.zoom === 'fit'}
            title="Fit the page to the width (0)"
            onClick={view.fitWidth}
          >
            Fit width
          </button>
          <PageNumber page={view.page} count={view.pageCount} onGo={view.goToPage} />
        </>
      )}
    </div>
  );
}

/** "Page [N] of M": typing a number and pressing Enter (or leaving the box) goes there. */
function PageNumber({ page, count, onGo }: { page: number; count: number; onGo: (page: number) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const go = () => {
    const n = Number(draft);
    setDraft(null);
    if (draft !== null && Number.isInteger(n) && n >= 1 && n <= count) onGo(n);
  };
  return (
    <label className="pdf-controls__where">
      Page{' '}
      <input
        className="pdf-controls__page"
        type="text"
        inputMode="numeric"
        aria-label="Page number"
        value={draft ?? String(page)}
        onChange={(e) => setDraft(e.target.value)}
        onFocus={(e) => e.target.select()}
        onBlur={go}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setDraft(null);
          }
        }}
      />{' '}
      of {count}
    </label>
  );
}
