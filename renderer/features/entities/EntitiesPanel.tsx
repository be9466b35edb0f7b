import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Entity, EntityCorrection } from '../../../main/model/contract';
import { useReaderSession } from '../../reader-session/reader-session';
import '../../styles/entities.css';
import { CorrectionDialog, type CorrectionRequest } from './CorrectionDialog';
import { EntityDetails } from './EntityDetails';
import { EntityRow } from './EntityRow';
import { groupEntities, guessType, timeline } from './entity-groups';
import { clearEntityMarks, firstMentionInView, paintCurrentMention, paintEntityMarks } from './entity-marks';
import { useArticleSelection } from './use-article-selection';
import { useEntities } from './use-entities';

const TIMELINE_KEY = 'gloss:entity-timeline';
/** A long article names hundreds of figures: each group starts with its most mentioned. */
const GROUP_PREVIEW = 12;

/** The "Entities" sidebar tab: who, what, where and when this article mentions. */
export function EntitiesPanel() {
  const { article, root, revealRange, notify } = useReaderSession();
  const { entities, error, correct } = useEntities(article, notify);
  const [query, setQuery] = useState('');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [current, setCurrent] = useState(0);
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const [request, setRequest] = useState<CorrectionRequest | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [asTimeline, setAsTimeline] = useState(() => localStorage.getItem(TIMELINE_KEY) === 'true');
  const selection = useArticleSelection(root);
  const filterId = useId();

  const selected = entities?.find((e) => e.key === selectedKey) ?? null;
  const hovered = entities?.find((e) => e.key === hoverKey) ?? null;
  const groups = useMemo(() => groupEntities(entities ?? [], query), [entities, query]);

  // The marks follow the pointer; without one they show the selected entity and its current mention.
  const shown = hovered ?? selected;
  const currentMention = shown && shown === selected ? (shown.mentions[current] ?? null) : null;
  useEffect(() => {
    if (!root) return;
    if (shown) paintEntityMarks(root, shown.mentions);
    else clearEntityMarks();
  }, [root, shown]);
  useEffect(() => {
    if (root) paintCurrentMention(root, currentMention);
  }, [root, currentMention]);
  useEffect(() => clearEntityMarks, []);

  // A reload (after a correction) may shorten the list of mentions.
  useEffect(() => {
    if (selected && current >= selected.mentions.length) setCurrent(0);
  }, [selected, current]);

  const go = useCallback(
    (entity: Entity, index: number) => {
      setCurrent(index);
      const m = entity.mentions[index];
      if (m) revealRange(m.start, m.end);
    },
    [revealRange],
  );

  const toggle = (entity: Entity) => {
    if (entity.key === selectedKey) {
      setSelectedKey(null);
      return;
    }
    setSelectedKey(entity.key);
    go(entity, root ? firstMentionInView(root, entity.mentions) : 0);
  };

  const apply = async (correction: EntityCorrection, done: string, follow?: (list: Entity[]) => Entity | undefined) => {
    setRequest(null);
    const list = await correct(correction, done);
    if (!list) return;
    const next = follow?.(list);
    setSelectedKey(next?.key ?? null);
    setCurrent(0);
  };

  const onSubmit = (correction: EntityCorrection, done: string) => {
    switch (correction.kind) {
      case 'rename':
        return void apply(correction, done, (list) =>
          list.find((e) => e.name === correction.name && e.type === selected?.type),
        );
      case 'retype':
        return void apply(correction, done, (list) =>
          list.find((e) => e.name === selected?.name && e.type === correction.type),
        );
      case 'merge':
        return void apply(correction, done, (list) => list.find((e) => e.key === correction.into));
      case 'split':
        return void apply(correction, done, (list) => list.find((e) => e.key === correction.key));
      case 'add':
        return void apply(correction, done, (list) =>
          list.find((e) => e.name === correction.name && e.type === correction.type),
        );
      case 'hide':
        return void apply(correction, done);
    }
  };

  const onAction = (entity: Entity, kind: 'rename' | 'retype' | 'merge' | 'split' | 'hide') => {
    if (kind === 'hide') onSubmit({ kind: 'hide', key: entity.key }, `Hid “${entity.name}” in every article.`);
    else setRequest({ kind, entity });
  };

  const addSelection = () => {
    if (!selection) return;
    const name = article.text.slice(selection.start, selection.end).replace(/\s+/g, ' ').trim();
    if (name) setRequest({ kind: 'add', name, type: guessType(name) });
  };

  const toggleTimeline = () => {
    setAsTimeline((on) => {
      localStorage.setItem(TIMELINE_KEY, String(!on));
      return !on;
    });
  };

  // Rows are memoised: hand them callbacks that never change, reading the latest state through a ref.
  const toggleRef = useRef(toggle);
  useLayoutEffect(() => {
    toggleRef.current = toggle;
  });
  const onToggle = useCallback((entity: Entity) => toggleRef.current(entity), []);
  const onHover = useCallback((entity: Entity | null) => setHoverKey(entity?.key ?? null), []);

  const renderRow = (entity: Entity, showResolved = false) => (
    <EntityRow
      key={entity.key}
      entity={entity}
      text={article.text}
      selected={entity.key === selectedKey}
      hovered={entity.key === hoverKey}
      showResolved={showResolved}
      onToggle={onToggle}
      onHover={onHover}
    >
      {entity.key === selectedKey && (
        <EntityDetails
          entity={entity}
          text={article.text}
          current={Math.min(current, Math.max(0, entity.mentions.length - 1))}
          onGo={(i) => go(entity, i)}
          onAction={(kind) => onAction(entity, kind)}
        />
      )}
    </EntityRow>
  );

  return (
    <div
      className="entities"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && selectedKey && !(event.target as Element).closest('input')) {
          event.stopPropagation();
          setSelectedKey(null);
        }
      }}
    >
      <div className="entities__tools">
        <label className="visually-hidden" htmlFor={filterId}>
          Filter entities
        </label>
        <input
          id={filterId}
          className="input entities__filter"
          type="search"
          placeholder="Filter entities"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.stopPropagation();
              setQuery('');
            }
          }}
        />
        {selection && (
          <button
            type="button"
            className="button entities__add"
            // Keep the article selection alive while the button is pressed.
            onMouseDown={(e) => e.preventDefault()}
            onClick={addSelection}
          >
            Add selection as entity
          </button>
        )}
      </div>

      {error && (
        <p className="entities__message" role="alert">
          {error}
        </p>
      )}
      {!error && !entities && <p className="entities__message">Finding people, places and dates…</p>}
      {entities && entities.length === 0 && (
        <p className="entities__message">No people, places or dates found in this article. Select text to add one.</p>
      )}
      {entities && entities.length > 0 && groups.length === 0 && (
        <p className="entities__message">No entity matches “{query.trim()}”.</p>
      )}

      {groups.map((group) => {
        const headingId = `${filterId}-${group.type}`;
        const dated = group.type === 'date' && asTimeline;
        const all = dated ? timeline(group.entities) : group.entities;
        const open = expanded.has(group.type) || query.trim() !== '' || all.length <= GROUP_PREVIEW + 2;
        // The selected entity stays in view even when its group is folded.
        const rows = open ? all : all.filter((e, i) => i < GROUP_PREVIEW || e.key === selectedKey);
        return (
          <div key={group.type} className="entities__group" role="group" aria-labelledby={headingId}>
            <div className="entities__group-head">
              <h3 id={headingId} className="entities__group-title">
                {group.label}
              </h3>
              <span className="entities__group-count" aria-hidden="true">
                {group.entities.length}
              </span>
              {group.type === 'date' && (
                <button
                  type="button"
                  className="button button--quiet entities__timeline-toggle"
                  aria-pressed={asTimeline}
                  onClick={toggleTimeline}
                >
                  Timeline
                </button>
              )}
            </div>
            {dated ? (
              <ol className="entities__list entities__list--timeline">{rows.map((e) => renderRow(e, true))}</ol>
            ) : (
              <ul className="entities__list">{rows.map((e) => renderRow(e))}</ul>
            )}
            {all.length > GROUP_PREVIEW + 2 && query.trim() === '' && (
              <button
                type="button"
                className="button button--quiet entities__more"
                aria-expanded={open}
                onClick={() =>
                  setExpanded((current) => {
                    const next = new Set(current);
                    if (next.has(group.type)) next.delete(group.type);
                    else next.add(group.type);
                    return next;
                  })
                }
              >
                {open
                  ? `Show fewer ${group.label.toLowerCase()}`
                  : `Show all ${all.length} ${group.label.toLowerCase()}`}
              </button>
            )}
          </div>
        );
      })}

      {request && (
        <CorrectionDialog
          request={request}
          entities={entities ?? []}
          onSubmit={onSubmit}
          onClose={() => setRequest(null)}
        />
      )}
    </div>
  );
}
