// Archive (or back to the Inbox) and Favorite from inside the reader, by the
// toolbar's buttons or the keys e and f. Each says what it did and offers Undo,
// as the same actions do in the library.
import { useCallback } from 'react';
import type { ArticleMetaPatch } from '../../../main/model/contract';
import { messageOf } from '../../api/message-of';
import { useApi } from '../../api/api-context';
import { useReaderSession } from '../../reader-session/reader-session';

export interface ShelfToggles {
  archived: boolean;
  favorite: boolean;
  toggleArchived(): void;
  toggleFavorite(): void;
}

export function useShelfToggles(): ShelfToggles {
  const api = useApi();
  const { article, replaceArticle, notify } = useReaderSession();
  const { id, shelf, favorite } = article;

  const save = useCallback(
    async (patch: ArticleMetaPatch, undo: ArticleMetaPatch, said: string) => {
      try {
        const summary = await api.updateArticleMeta({ id, patch });
        replaceArticle((current) => ({ ...current, ...summary }));
        notify(said, { undo: () => void save(undo, patch, 'Undone.') });
      } catch (error) {
        notify(messageOf(error, 'The change could not be saved.'), { level: 'error' });
      }
    },
    [api, id, replaceArticle, notify],
  );

  const toggleArchived = useCallback(() => {
    const next = shelf === 'archive' ? 'inbox' : 'archive';
    void save({ shelf: next }, { shelf }, next === 'archive' ? 'Archived.' : 'Moved to the Inbox.');
  }, [save, shelf]);
  const toggleFavorite = useCallback(() => {
    void save({ favorite: !favorite }, { favorite }, favorite ? 'Removed from Favorites.' : 'Added to Favorites.');
  }, [save, favorite]);

  return { archived: shelf === 'archive', favorite, toggleArchived, toggleFavorite };
}
