import { useState } from 'react';
import '../../styles/export.css';
import { ExportDialog } from './ExportDialog';

/** The reader toolbar's "Export Markdown" button and its dialog. */
export function ExportButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--quiet" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export Markdown
      </button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
