import { useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { IMPORT_ACCEPT } from './file-to-incoming';
import { PasteDialog } from './PasteDialog';
import type { Importer } from './use-import';

/** The "Import" and "Paste" buttons. Electron gets the native open dialog; a browser gets a file input. */
export function ImportButtons({ importer, nativeDialogs }: { importer: Importer; nativeDialogs: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          if (nativeDialogs) void importer.importWithDialog();
          else input.current?.click();
        }}
      >
        <Icon name="import" />
        Import
      </button>
      <button type="button" className="button" onClick={() => setPasting(true)}>
        <Icon name="paste" />
        Paste
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file-input"
        onChange={(event) => {
          const files = Array.from(event.target.files ?? []);
          // Reset so choosing the same file again still fires a change.
          event.target.value = '';
          importer.importFiles(files);
        }}
      />
      {pasting && <PasteDialog onImport={importer.importPaste} onClose={() => setPasting(false)} />}
    </>
  );
}
