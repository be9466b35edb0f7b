// What the library does to one article or many at once: shelve, favorite, tag,
// delete. Each says what it did and offers Undo, which puts back exactly the
// fields it changed. Changes go one by one (each is one atomic write of the
// index); when one fails, those already made stay, and the list shows them.
import { useCallback, useMemo } from 'react';
import type { ArticleMetaPatch, ArticleShelf, ArticleSummary } from '../../../main/model/contract';
import type { Notify } from '../../components/Toast';
import { messageOf } from '../../api/message-of';
import { useApi } from '../../api/api-context';
import { addTag } from '../annotations/annotation-filters';

type SetArticles = (update: (current: ArticleSummary[] | null) => ArticleSummary[] | null) => void;
interface Change {
  id: string;
  patch: ArticleMetaPatch;
}

const count = (n: number) => (n === 1 ? '1 article' : `${n} articles`);

/** The fields a patch touches, as the article had them: the patch that undoes it. */
function undoOf(article: ArticleSummary, patch: ArticleMetaPatch): ArticleMetaPatch {
  const keys = Object.keys(patch) as (keyof ArticleMetaPatch & keyof ArticleSummary)[];
  return Object.fromEntries(keys.map((key) => [key, article[key]])) as ArticleMetaPatch;
}

function mergeInto(current: ArticleSummary[] | null, changed: ArticleSummary[]): ArticleSummary[] | null {
  if (!current || changed.length === 0) return current;
  const byId = new Map(changed.map((a) => [a.id, a]));
  return current.map((a) => byId.get(a.id) ?? a);
}

export interface ArticleActions {
  setShelf(articles: readonly ArticleSummary[], shelf: ArticleShelf): Promise<void>;
  setFavorite(articles: readonly ArticleSummary[], favorite: boolean): Promise<void>;
  addTags(articles: readonly ArticleSummary[], tags: readonly string[]): Promise<void>;
  remove(articles: readonly ArticleSummary[]): Promise<void>;
}

export function useArticleActions(setArticles: SetArticles, notify: Notify): ArticleActions {
  const api = useApi();

  const apply = useCallback(
    async (changes: Change[]): Promise<boolean> => {
      const done: ArticleSummary[] = [];
      try {
        for (const change of changes) done.push(await api.updateArticleMeta(change));
        return true;
      } catch (error) {
        notify(messageOf(error, 'The change could not be saved.'), { level: 'error' });
        return false;
      } finally {
        setArticles((current) => mergeInto(current, done));
      }
    },
    [api, notify, setArticles],
  );

  const change = useCallback(
    async (articles: readonly ArticleSummary[], patchOf: (a: ArticleSummary) => ArticleMetaPatch, said: string) => {
      const changes = articles.map((a) => ({ id: a.id, patch: patchOf(a) }));
      const undo = articles.map((a, i) => ({ id: a.id, patch: undoOf(a, changes[i]!.patch) }));
      if (await apply(changes)) notify(said, { undo: () => void apply(undo) });
    },
    [apply, notify],
  );

  const remove = useCallback(
    async (articles: readonly ArticleSummary[]) => {
      const ids = new Set(articles.map((a) => a.id));
      setArticles((current) => current?.filter((a) => !ids.has(a.id)) ?? null);
      const deleted: ArticleSummary[] = [];
      const putBack = (restored: ArticleSummary[]) =>
        setArticles((current) => {
          const back = new Set(restored.map((a) => a.id));
          return [...(current ?? []).filter((a) => !back.has(a.id)), ...restored];
        });
      const restoreAll = async () => {
        const restored: ArticleSummary[] = [];
        try {
          for (const a of deleted) restored.push(await api.restoreArticle({ id: a.id }));
        } catch (error) {
          notify(messageOf(error, 'An article could not be restored.'), { level: 'error' });
        }
        putBack(restored);
      };
      try {
        for (const a of articles) {
          await api.deleteArticle({ id: a.id });
          deleted.push(a);
        }
        const said = articles.length === 1 ? `Deleted “${articles[0]!.title}”.` : `Deleted ${count(articles.length)}.`;
        notify(said, { undo: () => void restoreAll() });
      } catch (error) {
        putBack(articles.filter((a) => !deleted.includes(a)));
        const left = articles.length - deleted.length;
        notify(messageOf(error, `${count(left)} could not be deleted.`), { level: 'error' });
      }
    },
    [api, notify, setArticles],
  );

  return useMemo(
    () => ({
      setShelf: (articles, shelf) =>
        change(
          articles,
          () => ({ shelf }),
          shelf === 'archive' ? `Archived ${count(articles.length)}.` : `Moved ${count(articles.length)} to the inbox.`,
        ),
      setFavorite: (articles, favorite) =>
        change(
          articles,
          () => ({ favorite }),
          favorite
            ? `Added ${count(articles.length)} to favorites.`
            : `Removed ${count(articles.length)} from favorites.`,
        ),
      addTags: (articles, tags) =>
        change(
          articles,
          (a) => ({ tags: tags.reduce<string[]>((all, tag) => addTag(all, tag), [...a.tags]) }),
          `Tagged ${count(articles.length)} ${tags.map((t) => `#${t}`).join(' ')}.`,
        ),
      remove,
    }),
    [change, remove],
  );
}
