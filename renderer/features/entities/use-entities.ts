// One article's entities, loaded from the main process and reloaded after each
// correction. A correction is library-wide (the backend applies it to every
// article); the toast offers Undo, which removes that stored correction.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article, Entity, EntityCorrection, GlossApi } from '../../../main/model/contract';
import { useApi } from '../../api/api-context';
import type { Notify } from '../../components/Toast';
import { messageOf } from '../../api/message-of';

export interface EntitiesState {
  entities: Entity[] | null;
  error: string | null;
  /** Applies a correction, reloads, and returns the fresh list (null when it failed). */
  correct(correction: EntityCorrection, done: string): Promise<Entity[] | null>;
  reload(): Promise<Entity[] | null>;
}

export function useEntities(article: Pick<Article, 'id' | 'textSha256'>, notify: Notify): EntitiesState {
  const api = useApi();
  const articleId = article.id;
  const textSha = article.textSha256;
  const [entities, setEntities] = useState<Entity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the newest request may land: corrections can overtake a slow first load.
  const request = useRef(0);

  const load = useCallback(async (target: GlossApi, id: string): Promise<Entity[] | null> => {
    const mine = ++request.current;
    try {
      const list = await target.getEntities({ articleId: id });
      if (mine === request.current) {
        setEntities(list);
        setError(null);
      }
      return list;
    } catch (caught) {
      if (mine === request.current) setError(messageOf(caught, 'The entities of this article could not be found.'));
      return null;
    }
  }, []);

  useEffect(() => {
    setEntities(null);
    void load(api, articleId);
    const requests = request;
    return () => {
      requests.current++; // whatever is still in flight is for an article no longer shown
    };
  }, [api, articleId, textSha, load]);

  const reload = useCallback(() => load(api, articleId), [api, articleId, load]);

  const correct = useCallback(
    async (correction: EntityCorrection, done: string) => {
      let stored;
      try {
        stored = await api.correctEntity({ correction });
      } catch (caught) {
        notify(messageOf(caught, 'The correction could not be saved.'), { level: 'error' });
        return null;
      }
      const list = await reload();
      notify(done, {
        undo: () => {
          api
            .undoCorrection({ id: stored.id })
            .then(reload)
            .catch((caught: unknown) =>
              notify(messageOf(caught, 'The correction could not be undone.'), { level: 'error' }),
            );
        },
      });
      return list;
    },
    [api, notify, reload],
  );

  return { entities, error, correct, reload };
}
