/** Shown while files are dragged over the window. Purely visual: the drop itself is handled by useFileDrop. */
export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__card">
        <p className="drop-overlay__title">Drop to import</p>
        <p className="drop-overlay__hint">
          Text, Markdown, saved web pages, EPUB books or PDFs (.txt, .md, .html, .epub, .pdf)
        </p>
      </div>
    </div>
  );
}
