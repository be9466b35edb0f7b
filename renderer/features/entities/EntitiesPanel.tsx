import type { ReaderContext } from '../reader/reader-context';

/** Placeholder: the entities feature replaces this with people, organisations, places and dates. */
export function EntitiesPanel({ ctx }: { ctx: ReaderContext }) {
  void ctx;
  return (
    <div className="panel-placeholder">
      <p>People, organisations, places and dates named in this article will appear here.</p>
    </div>
  );
}
