import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { Annotation, HighlightColor } from '../../../main/model/contract';
import { useReaderSession } from '../../reader-session/reader-session';
import { COLOR_NAMES, COLORS, groupForPanel, type AnnotationFilter, type PanelGroups } from './annotation-filters';
import { AnnotationItem } from './AnnotationItem';
import { CopyHighlights } from './CopyHighlights';
import { NoteLinks } from './NoteLinks';
import { UpdateFromFile } from './UpdateFromFile';
import { useFollowReading } from './use-follow-reading';
import '../../styles/annotations.css';

/** The sidebar's Annotations tab: every highlight in document order, filters, orphans apart. */
export function AnnotationsPanel() {
  const session = useReaderSession();
  const { actions, requestOpen } = session;
  const [colors, setColors] = useState<ReadonlySet<HighlightColor>>(new Set());
  const [tag, setTag] = useState<string | null>(null);
  const [text, setText] = useState('');
  // Typing in the filter stays instant; the thousand-item list catches up after.
  const deferredText = useDeferredValue(text);
  const filter: AnnotationFilter = useMemo(() => ({ colors, tag, text: deferredText }), [colors, tag, deferredText]);
  // The list follows a beat behind: a new highlight is painted in the text first,
  // in the same frame, and a thousand-item list never holds that frame up.
  const annotations = useDeferredValue(session.annotations);
  const groups = useMemo(() => groupForPanel(annotations, filter), [annotations, filter]);
  const total = annotations.length;
  const listRef = useRef<HTMLDivElement>(null);
  useFollowReading(listRef, groups.placed, session.root);
  const filtering = colors.size > 0 || tag !== null || text.trim() !== '';

  const toggleColor = (color: HighlightColor) =>
    setColors((current) => {
      const next = new Set(current);
      if (next.has(color)) next.delete(color);
      else next.add(color);
      return next;
    });

  // revealRange scrolls and flashes the range (through the layer's one flash
  // highlight), so no separate layer.flash() is needed here.
  const revealRange = useRef(session.revealRange);
  revealRange.current = session.revealRange;
  const reveal = useCallback(
    (a: Annotation) => revealRange.current(a.target.selector[0].start, a.target.selector[0].end),
    [],
  );
  const edit = useCallback((a: Annotation) => requestOpen(a.id), [requestOpen]);
  const remove = useCallback((a: Annotation) => void actions.remove(a.id), [actions]);

  return (
    <NoteLinks notify={session.notify} className="annotations-panel">
      {total === 0 ? (
        <p className="annotations-panel__empty">No highlights yet. Select text in the article to highlight it.</p>
      ) : (
        <>
          <div className="annotations-panel__filters">
            <div className="annotations-panel__colors" role="group" aria-label="Filter by color">
              {COLORS.map((color) => (
                <button
                  key={color}
                  type="button"
                  className="color-filter"
                  aria-pressed={colors.has(color)}
                  aria-label={`${COLOR_NAMES[color]} (${groups.counts[color]})`}
                  disabled={groups.counts[color] === 0 && !colors.has(color)}
                  onClick={() => toggleColor(color)}
                >
                  <span className={`swatch swatch--${color}`} aria-hidden="true" />
                  <span aria-hidden="true">{groups.counts[color]}</span>
                </button>
              ))}
            </div>
            <div className="annotations-panel__row">
              <input
                type="search"
                className="input annotations-panel__search"
                aria-label="Filter highlights"
                placeholder="Filter highlights"
                value={text}
                onChange={(event) => setText(event.target.value)}
              />
              {groups.tags.length > 0 && (
                <select
                  className="select annotations-panel__tag"
                  aria-label="Filter by tag"
                  value={tag ?? ''}
                  onChange={(event) => setTag(event.target.value === '' ? null : event.target.value)}
                >
                  <option value="">All tags</option>
                  {groups.tags.map((t) => (
                    <option key={t} value={t}>
                      #{t}
                    </option>
                  ))}
                </select>
              )}
            </div>
          </div>
          <div className="annotations-panel__summary">
            <p className="annotations-panel__count" aria-live="polite">
              {filtering
                ? `${groups.placed.length + groups.orphans.length} of ${total} highlights`
                : `${total} ${total === 1 ? 'highlight' : 'highlights'}`}
            </p>
            <CopyHighlights />
          </div>
          <div ref={listRef} className="annotations-panel__lists">
            <PanelLists groups={groups} onReveal={reveal} onEdit={edit} onDelete={remove} />
          </div>
          {filtering && groups.placed.length + groups.orphans.length === 0 && (
            <p className="annotations-panel__empty">No highlights match.</p>
          )}
        </>
      )}
      <UpdateFromFile />
    </NoteLinks>
  );
}

interface ListsProps {
  groups: PanelGroups;
  onReveal: (a: Annotation) => void;
  onEdit: (a: Annotation) => void;
  onDelete: (a: Annotation) => void;
}

/** The two lists, memoised apart from the filters so typing a filter or a new highlight elsewhere costs little. */
const PanelLists = memo(function PanelLists({ groups, onReveal, onEdit, onDelete }: ListsProps) {
  return (
    <>
      {groups.placed.length > 0 && (
        <ol className="annotation-list" aria-label="Highlights">
          {groups.placed.map((a) => (
            <AnnotationItem key={a.id} annotation={a} onReveal={onReveal} onEdit={onEdit} />
          ))}
        </ol>
      )}
      {groups.orphans.length > 0 && (
        <section className="annotations-panel__orphans" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading" className="annotations-panel__heading">
            Orphaned highlights
          </h3>
          <p className="annotations-panel__hint">
            Their text is no longer in the article. They are kept with their notes.
          </p>
          <ol className="annotation-list" aria-label="Orphaned highlights">
            {groups.orphans.map((a) => (
              <AnnotationItem key={a.id} annotation={a} onDelete={onDelete} />
            ))}
          </ol>
        </section>
      )}
    </>
  );
});
