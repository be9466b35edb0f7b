import { useCallback, useState } from 'react';
import type { HighlightColor } from '../../../main/model/contract';
import { selectionOffsets } from '../../highlights/selection-offsets';
import { useReaderSession } from '../../reader-session/reader-session';
import { useSettings } from '../../settings/settings-context';
import { FindBar } from '../find/FindBar';
import { shortQuote } from './annotation-filters';
import { ArticleNote } from './ArticleNote';
import { HighlightPopover } from './HighlightPopover';
import { scrollerOf } from './position';
import { SelectionToolbar } from './SelectionToolbar';
import { useHighlightLayer } from './use-highlight-layer';
import { useOverlayKeys } from './use-overlay-keys';
import { usePopoverState } from './use-popover-state';
import { useSelectionFollow } from './use-selection-follow';
import '../../styles/annotations.css';

/** The selection toolbar, the highlight popover, the find bar and the article note, over the reading area. */
export function ReaderOverlays() {
  const { root, article, annotations, actions, notify } = useReaderSession();
  const { settings, update: updateSettings } = useSettings();
  const lastColor = settings.lastColor;
  const layer = useHighlightLayer(root, annotations);
  const scroller = scrollerOf(root);
  const [selection, setSelection] = useSelectionFollow(root);
  const { popover, setPopover, popoverRef, knownTags, active, choices } = usePopoverState(layer);
  const [findOpen, setFindOpen] = useState(false);
  const [findSignal, setFindSignal] = useState(0);
  const [announcement, setAnnouncement] = useState('');

  const highlightSelection = useCallback(
    (color: HighlightColor): { id: string; rect: DOMRect | null } | null => {
      if (!root) return null;
      const offsets = selectionOffsets(root);
      if (!offsets) return null;
      const sel = window.getSelection();
      const rects = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).getClientRects() : null;
      const rect = rects && rects.length > 0 ? rects[rects.length - 1]! : null;
      const { id } = actions.create(offsets.start, offsets.end, color);
      // The next highlight starts in this color; saving it is a convenience, not worth a toast when it fails.
      if (color !== lastColor) updateSettings({ lastColor: color }, { quiet: true });
      sel?.removeAllRanges();
      setSelection(null);
      setAnnouncement(`Highlighted: ${shortQuote(article.text.slice(offsets.start, offsets.end), 120)}`);
      return { id, rect };
    },
    [root, actions, lastColor, updateSettings, setSelection, article.text],
  );

  const highlightWithNote = useCallback(() => {
    const made = highlightSelection(lastColor);
    if (!made) return;
    setPopover({ ids: [made.id], activeId: made.id, rect: made.rect ?? new DOMRect(0, 0, 0, 0), focusNote: true });
  }, [highlightSelection, lastColor, setPopover]);

  const copySelection = useCallback(() => {
    const text = window.getSelection()?.toString() ?? '';
    if (!text) return;
    navigator.clipboard.writeText(text).then(
      () => notify('Copied.'),
      () => notify('The text could not be copied.', { level: 'error' }),
    );
  }, [notify]);

  const openFind = useCallback(() => {
    setPopover(null);
    setFindOpen(true);
    setFindSignal((n) => n + 1);
  }, [setPopover]);

  const closeFind = useCallback(() => {
    setFindOpen(false);
    scrollerOf(root)?.focus({ preventScroll: true });
  }, [root]);

  useOverlayKeys(
    root,
    { popoverOpen: popover !== null, findOpen, hasSelection: selection !== null, lastColor },
    {
      actions,
      openFind,
      closeFind,
      closePopover: () => setPopover(null),
      clearSelection: () => setSelection(null),
      highlightSelection,
      highlightWithNote,
    },
  );

  return (
    <>
      <ArticleNote />
      {selection && scroller && !popover && (
        <SelectionToolbar
          scroller={scroller}
          rect={selection.rect}
          lastColor={lastColor}
          onHighlight={(color) => void highlightSelection(color)}
          onNote={highlightWithNote}
          onCopy={copySelection}
        />
      )}
      {popover && active && scroller && (
        <div ref={popoverRef}>
          <HighlightPopover
            notify={notify}
            scroller={scroller}
            rect={popover.rect}
            choices={choices.length > 0 ? choices : [active]}
            active={active}
            knownTags={knownTags}
            focusNote={popover.focusNote}
            actions={actions}
            onPick={(id) => setPopover((p) => (p ? { ...p, activeId: id, focusNote: false } : p))}
            onClose={() => setPopover(null)}
          />
        </div>
      )}
      {findOpen && root && <FindBar root={root} text={article.text} focusSignal={findSignal} onClose={closeFind} />}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
