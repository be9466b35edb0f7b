import { useCallback, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import type { EntityOccurrence, LibraryEntity } from '../../../main/model/contract';
import '../../styles/entities.css';
import { CorrectionsList } from './CorrectionsList';
import { keyName } from './describe-correction';
import { fold } from '../../text/fold';
import { GROUP_LABELS, TYPE_LABELS, TYPE_ORDER } from './entity-groups';
import { messageOf } from '../../api/message-of';
import { useApi } from '../../api/api-context';

interface Props {
  openArticle: (id: string, at?: number, end?: number) => void;
}

const PAGE = 300;

/** Every entity in the library, with how many articles mention it; open one to see where. */
export function LibraryEntitiesView({ openArticle }: Props) {
  const api = useApi();
  const [entities, setEntities] = useState<LibraryEntity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [type, setType] = useState<'all' | LibraryEntity['type']>('all');
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<LibraryEntity | null>(null);
  const [reloads, setReloads] = useState(0);
  const deferredQuery = useDeferredValue(query);
  const filterId = useId();
  const typeId = useId();

  useEffect(() => {
    let live = true;
    api.listLibraryEntities({}).then(
      (list) => {
        if (live) setEntities(list);
      },
      (caught: unknown) => {
        if (live) setError(messageOf(caught, 'The entities of the library could not be gathered.'));
      },
    );
    return () => {
      live = false;
    };
  }, [api, reloads]);

  const names = useMemo(() => new Map((entities ?? []).map((e) => [e.key, e.name])), [entities]);
  const nameOf = useCallback((key: string) => names.get(key) ?? keyName(key), [names]);

  const shown = useMemo(() => {
    const q = fold(deferredQuery.trim());
    return (entities ?? []).filter((e) => (type === 'all' || e.type === type) && (!q || fold(e.name).includes(q)));
  }, [entities, deferredQuery, type]);

  if (open) return <EntityOccurrences entity={open} openArticle={openArticle} onBack={() => setOpen(null)} />;

  return (
    <div className="library-entities">
      <div className="library-entities__tools">
        <label className="visually-hidden" htmlFor={filterId}>
          Filter entities
        </label>
        <input
          id={filterId}
          className="input library-entities__filter"
          type="search"
          placeholder="Filter entities"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setLimit(PAGE);
          }}
        />
        <label className="visually-hidden" htmlFor={typeId}>
          Entity type
        </label>
        <select id={typeId} className="select" value={type} onChange={(e) => setType(e.target.value as typeof type)}>
          <option value="all">All types</option>
          {TYPE_ORDER.map((t) => (
            <option key={t} value={t}>
              {GROUP_LABELS[t]}
            </option>
          ))}
        </select>
      </div>

      <CorrectionsList nameOf={nameOf} refreshKey={reloads} onChanged={() => setReloads((n) => n + 1)} />

      {error && (
        <p className="entities__message" role="alert">
          {error}
        </p>
      )}
      {!error && !entities && <p className="entities__message">Gathering entities from every article…</p>}
      {entities && entities.length === 0 && (
        <p className="entities__message">
          No entities yet: people, places and dates appear here as you import articles.
        </p>
      )}
      {entities && entities.length > 0 && shown.length === 0 && (
        <p className="entities__message">No entity matches “{deferredQuery.trim()}”.</p>
      )}

      {shown.length > 0 && (
        <table className="library-entities__table" aria-label="Entities in the library">
          <thead>
            <tr>
              <th scope="col">Entity</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                Articles
              </th>
              <th scope="col" className="num">
                Mentions
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((e) => (
              <tr key={e.key}>
                <td>
                  <button type="button" className="library-entities__open" onClick={() => setOpen(e)}>
                    {e.name}
                  </button>
                </td>
                <td className="library-entities__type">{TYPE_LABELS[e.type]}</td>
                <td className="num">{e.articleCount}</td>
                <td className="num">{e.mentionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length > limit && (
        <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)}>
          Show more ({shown.length - limit} left)
        </button>
      )}
    </div>
  );
}

function EntityOccurrences({
  entity,
  openArticle,
  onBack,
}: {
  entity: LibraryEntity;
  openArticle: (id: string, at?: number, end?: number) => void;
  onBack: () => void;
}) {
  const api = useApi();
  const [occurrences, setOccurrences] = useState<EntityOccurrence[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  useEffect(() => {
    let live = true;
    api.getEntityOccurrences({ key: entity.key }).then(
      (list) => {
        if (live) setOccurrences(list);
      },
      (caught: unknown) => {
        if (live) setError(messageOf(caught, `The mentions of “${entity.name}” could not be gathered.`));
      },
    );
    return () => {
      live = false;
    };
  }, [api, entity]);

  const byArticle = useMemo(() => {
    const groups = new Map<string, { title: string; items: EntityOccurrence[] }>();
    for (const o of occurrences ?? []) {
      const g = groups.get(o.article.id) ?? { title: o.article.title, items: [] };
      g.items.push(o);
      groups.set(o.article.id, g);
    }
    return [...groups];
  }, [occurrences]);

  return (
    <section className="occurrences" aria-labelledby={headingId}>
      <div>
        <button type="button" className="button button--quiet" onClick={onBack}>
          ‹ All entities
        </button>
      </div>
      <h2 id={headingId} className="occurrences__title">
        <bdi>{entity.name}</bdi> <span className="library-entities__type">· {TYPE_LABELS[entity.type]}</span>
      </h2>
      {error && (
        <p className="entities__message" role="alert">
          {error}
        </p>
      )}
      {!error && !occurrences && <p className="entities__message">Finding every mention…</p>}
      {occurrences && occurrences.length === 0 && (
        <p className="entities__message">
          No article mentions “<bdi>{entity.name}</bdi>” any more.
        </p>
      )}
      {byArticle.map(([id, group]) => (
        <div key={id} role="group" aria-label={group.title}>
          <h3 className="occurrences__article">
            <bdi>{group.title}</bdi>{' '}
            <span className="library-entities__type">
              · {group.items.length === 1 ? '1 mention' : `${group.items.length} mentions`}
            </span>
          </h3>
          <ul className="occurrences__list">
            {group.items.map((o) => (
              <li key={`${o.mention.start}-${o.mention.end}`}>
                <button
                  type="button"
                  className="occurrences__link"
                  title={`Open “${group.title}” at this mention`}
                  onClick={() => openArticle(id, o.mention.start, o.mention.end)}
                >
                  <Sentence sentence={o.sentence} mention={o.mention.text} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The sentence with the mention marked (its first occurrence there). */
function Sentence({ sentence, mention }: { sentence: string; mention: string }) {
  const at = mention ? sentence.indexOf(mention) : -1;
  if (at < 0) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at)}
      <mark>{mention}</mark>
      {sentence.slice(at + mention.length)}
    </>
  );
}
