import { useId, useRef, useState, type ClipboardEvent } from 'react';
import { Dialog } from '../../components/Dialog';

interface Captured {
  html: string;
  text: string;
}

/**
 * Paste lands in a textarea we control, so we can take the clipboard's HTML
 * flavour too (a copied web page keeps its headings and links). The HTML is
 * only sent to the importer, which sanitizes it; it is never rendered here.
 */
export function PasteDialog({
  onImport,
  onClose,
}: {
  onImport: (input: { text?: string; html?: string }) => Promise<boolean>;
  onClose: () => void;
}) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const captured = useRef<Captured | null>(null);
  const hintId = useId();

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const html = event.clipboardData.getData('text/html');
    const text = event.clipboardData.getData('text/plain');
    if (!html && !text) return;
    event.preventDefault();
    captured.current = { html, text };
    setValue(text || '(formatted text pasted)');
  };

  const submit = async () => {
    const pasted = captured.current;
    // If the user edited after pasting, their text wins over the clipboard's HTML.
    const input =
      pasted && (value === pasted.text || (!pasted.text && pasted.html))
        ? pasted.html
          ? { html: pasted.html, text: pasted.text }
          : { text: pasted.text }
        : { text: value };
    setBusy(true);
    const handled = await onImport(input);
    setBusy(false);
    if (handled) onClose();
  };

  const empty = value.trim() === '';
  return (
    <Dialog
      title="Paste an article"
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={empty || busy}
            onClick={() => void submit()}
          >
            {busy ? 'Adding…' : 'Add to library'}
          </button>
        </>
      }
    >
      <p id={hintId}>
        Paste text or a copied web page below (Ctrl+V or ⌘V). Formatting is kept; anything active in it is removed.
      </p>
      <textarea
        className="textarea"
        aria-label="Pasted text"
        aria-describedby={hintId}
        value={value}
        onPaste={onPaste}
        onChange={(event) => {
          setValue(event.target.value);
        }}
        data-autofocus=""
        spellCheck={false}
      />
    </Dialog>
  );
}
