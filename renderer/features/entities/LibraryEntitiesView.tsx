import type { GlossApi } from '../../../main/api/contract';

/** Placeholder: the entities feature replaces this with entities across the library. */
export function LibraryEntitiesView({ api, openArticle }: { api: GlossApi; openArticle: (id: string, at?: number) => void }) {
  void api;
  void openArticle;
  return (
    <div className="panel-placeholder">
      <p>People, organisations, places and dates across your library will appear here.</p>
    </div>
  );
}
