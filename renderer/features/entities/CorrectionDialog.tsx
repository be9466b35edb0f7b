import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Entity, EntityCorrection, EntityType, LibraryEntity } from '../../../main/model/contract';
import { Dialog } from '../../components/Dialog';
import { TYPE_LABELS, TYPE_ORDER } from './entity-groups';
import { useApi } from '../../api/api-context';

export type CorrectionRequest =
  { kind: 'add'; name: string; type: EntityType } | { kind: 'rename' | 'retype' | 'merge' | 'split'; entity: Entity };

interface Props {
  request: CorrectionRequest;
  /** The article's entities: the first choices for "Merge into". */
  entities: readonly Entity[];
  onSubmit: (correction: EntityCorrection, done: string) => void;
  onClose: () => void;
}

const TITLES = {
  add: 'Add as entity',
  rename: 'Rename entity',
  retype: 'Change entity type',
  merge: 'Merge entity',
  split: 'Split alias',
} as const;

const SUBMIT = {
  add: 'Add entity',
  rename: 'Rename',
  retype: 'Change type',
  merge: 'Merge',
  split: 'Split',
} as const;

/** One small form per correction; everything it asks is prefilled from the entity or the selection. */
export function CorrectionDialog({ request, entities, onSubmit, onClose }: Props) {
  const api = useApi();
  const formId = useId();
  const entity = request.kind === 'add' ? null : request.entity;
  const [name, setName] = useState(request.kind === 'add' ? request.name : (entity?.name ?? ''));
  const [type, setType] = useState<EntityType>(request.kind === 'add' ? request.type : (entity?.type ?? 'person'));
  const [alias, setAlias] = useState(entity?.aliases[0] ?? '');
  const [into, setInto] = useState('');
  const [library, setLibrary] = useState<LibraryEntity[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (request.kind !== 'merge') return;
    let live = true;
    api.listLibraryEntities({}).then(
      (list) => {
        if (live) setLibrary(list);
      },
      () => undefined, // the article's own entities are still offered
    );
    return () => {
      live = false;
    };
  }, [api, request.kind]);

  const here = entities.filter((e) => e.key !== entity?.key);
  const hereKeys = new Set(entities.map((e) => e.key));
  const elsewhere = library.filter((e) => !hereKeys.has(e.key));
  const sameTypeFirst = (a: { type: EntityType; name: string }, b: { type: EntityType; name: string }) =>
    Number(b.type === entity?.type) - Number(a.type === entity?.type) || a.name.localeCompare(b.name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    switch (request.kind) {
      case 'add':
        if (!trimmed) return setProblem('Give the entity a name.');
        return onSubmit(
          { kind: 'add', name: trimmed, type },
          `Added “${trimmed}” as ${TYPE_LABELS[type].toLowerCase()}.`,
        );
      case 'rename':
        if (!trimmed) return setProblem('Give the entity a name.');
        if (trimmed === request.entity.name) return onClose();
        return onSubmit(
          { kind: 'rename', key: request.entity.key, name: trimmed },
          `Renamed “${request.entity.name}” to “${trimmed}”.`,
        );
      case 'retype':
        if (type === request.entity.type) return onClose();
        return onSubmit(
          { kind: 'retype', key: request.entity.key, type },
          `“${request.entity.name}” is now a ${TYPE_LABELS[type].toLowerCase()}.`,
        );
      case 'merge': {
        if (!into) return setProblem('Choose the entity to merge into.');
        const target = [...here, ...elsewhere].find((e) => e.key === into);
        return onSubmit(
          { kind: 'merge', key: request.entity.key, into },
          `Merged “${request.entity.name}” into “${target?.name ?? into}”.`,
        );
      }
      case 'split':
        if (!alias) return setProblem('Choose the alias to split off.');
        return onSubmit(
          { kind: 'split', key: request.entity.key, alias },
          `Split “${alias}” off “${request.entity.name}”.`,
        );
    }
  };

  return (
    <Dialog
      title={TITLES[request.kind]}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button button--primary">
            {SUBMIT[request.kind]}
          </button>
        </>
      }
    >
      <form id={formId} className="entity-form" onSubmit={submit} noValidate>
        {entity && (
          <p className="entity-form__subject">
            {TYPE_LABELS[entity.type]}:{' '}
            <strong>
              <bdi>{entity.name}</bdi>
            </strong>
          </p>
        )}
        {(request.kind === 'add' || request.kind === 'rename') && (
          <label className="field">
            <span className="field__label">Name</span>
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} data-autofocus="" />
          </label>
        )}
        {(request.kind === 'add' || request.kind === 'retype') && (
          <label className="field">
            <span className="field__label">Type</span>
            <select
              className="select"
              value={type}
              onChange={(e) => setType(e.target.value as EntityType)}
              data-autofocus={request.kind === 'retype' ? '' : undefined}
            >
              {TYPE_ORDER.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
        )}
        {request.kind === 'merge' && (
          <label className="field">
            <span className="field__label">Merge into</span>
            <select className="select" value={into} onChange={(e) => setInto(e.target.value)} data-autofocus="">
              <option value="">Choose an entity…</option>
              <optgroup label="In this article">
                {[...here].sort(sameTypeFirst).map((e) => (
                  <option key={e.key} value={e.key}>
                    {e.name} ({TYPE_LABELS[e.type].toLowerCase()})
                  </option>
                ))}
              </optgroup>
              {elsewhere.length > 0 && (
                <optgroup label="Elsewhere in the library">
                  {[...elsewhere].sort(sameTypeFirst).map((e) => (
                    <option key={e.key} value={e.key}>
                      {e.name} ({TYPE_LABELS[e.type].toLowerCase()})
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
            <span className="field__hint">
              “<bdi>{entity?.name}</bdi>” becomes an alias of the entity you choose, in every article.
            </span>
          </label>
        )}
        {request.kind === 'split' && (
          <label className="field">
            <span className="field__label">Alias</span>
            <select className="select" value={alias} onChange={(e) => setAlias(e.target.value)} data-autofocus="">
              {entity?.aliases.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
            <span className="field__hint">The alias becomes an entity of its own, in every article.</span>
          </label>
        )}
        {request.kind !== 'add' && request.kind !== 'split' && request.kind !== 'merge' && (
          <span className="field__hint">The correction applies to every article in your library.</span>
        )}
        {problem && (
          <p className="entity-form__problem" role="alert">
            {problem}
          </p>
        )}
      </form>
    </Dialog>
  );
}
