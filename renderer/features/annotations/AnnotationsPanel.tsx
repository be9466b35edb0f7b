import type { ReaderContext } from '../reader/reader-context';

/** Placeholder: the annotations feature replaces this with the real sidebar tab. */
export function AnnotationsPanel({ ctx }: { ctx: ReaderContext }) {
  return (
    <div className="panel-placeholder">
      <p>{ctx.annotations.length === 0 ? 'No highlights yet.' : `${ctx.annotations.length} highlights.`}</p>
      <p className="panel-placeholder__hint">Select text in the article to highlight it.</p>
    </div>
  );
}
