import type { GlossApi } from '../../../main/api/contract';

/** Placeholder: the annotations feature replaces this with highlights across the library. */
export function LibraryAnnotationsView({ api, openArticle }: { api: GlossApi; openArticle: (id: string, at?: number) => void }) {
  void api;
  void openArticle;
  return (
    <div className="panel-placeholder">
      <p>Your highlights from every article will be listed here.</p>
    </div>
  );
}
