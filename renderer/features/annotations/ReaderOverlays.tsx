import { useCallback, useEffect, useRef, useState } from 'react';
import type { Annotation, HighlightColor } from '../../../main/model/contract';
import { hitTest } from '../../highlights/hit-test';
import { selectionOffsets } from '../../highlights/selection-offsets';
import { offsetsToRange } from '../../highlights/text-offsets';
import { FindBar } from '../find/FindBar';
import type { ReaderContext } from '../reader/reader-context';
import { firstVisibleOffset } from '../reader/reading-position';
import { COLORS, shortQuote } from './annotation-filters';
import { OPEN_EVENT, sessionFor } from './annotation-session';
import { ArticleNote } from './ArticleNote';
import { HighlightPopover } from './HighlightPopover';
import { centreInScroller, scrollerOf } from './position';
import { SelectionToolbar } from './SelectionToolbar';
import { useAnnotationActions } from './use-annotation-actions';
import { useHighlightLayer } from './use-highlight-layer';
import '../../styles/annotations.css';

interface SelectionState {
  start: number;
  end: number;
  rect: DOMRect;
}

interface PopoverState {
  ids: string[];
  activeId: string;
  rect: DOMRect;
  focusNote: boolean;
}

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const EXTEND: Record<string, [direction: 'forward' | 'backward', granularity: string]> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
  Home: ['backward', 'lineboundary'],
  End: ['forward', 'lineboundary'],
};

/** The selection toolbar, the highlight popover, the find bar and the article note, over the reading area. */
export function ReaderOverlays({ ctx }: { ctx: ReaderContext }) {
  const { root, api, article, annotations, notify } = ctx;
  const layer = useHighlightLayer(root, annotations);
  const actions = useAnnotationActions(ctx);
  const scroller = scrollerOf(root);
  const [lastColor, setLastColor] = useState<HighlightColor>('yellow');
  const [selection, setSelection] = useState<SelectionState | null>(null);
  const [popover, setPopover] = useState<PopoverState | null>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [findSignal, setFindSignal] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const popoverRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    api.getSettings({}).then(
      (settings) => live && setLastColor(settings.lastColor),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  // Tags for completion: fetched when a highlight opens, so new ones from other articles show up.
  const popoverOpen = popover !== null;
  useEffect(() => {
    if (!popoverOpen) return;
    api.listTags({}).then(setKnownTags, () => undefined);
  }, [api, popoverOpen]);

  // Follow the selection; while the mouse is down, wait for the drag to end.
  useEffect(() => {
    if (!root) return;
    let dragging = false;
    let frame = 0;
    const measure = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const offsets = selectionOffsets(root);
        const sel = window.getSelection();
        if (!offsets || !sel || sel.rangeCount === 0) {
          setSelection(null);
          return;
        }
        const range = sel.getRangeAt(0);
        const rects = range.getClientRects();
        const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
        setSelection({ ...offsets, rect });
      });
    };
    const onDown = (event: MouseEvent) => {
      if (event.button === 0 && event.target instanceof Node && root.contains(event.target)) dragging = true;
    };
    const onUp = () => {
      if (!dragging) return;
      dragging = false;
      measure();
    };
    const onChange = () => {
      if (!dragging) measure();
    };
    root.addEventListener('mousedown', onDown);
    document.addEventListener('mouseup', onUp);
    document.addEventListener('selectionchange', onChange);
    return () => {
      cancelAnimationFrame(frame);
      root.removeEventListener('mousedown', onDown);
      document.removeEventListener('mouseup', onUp);
      document.removeEventListener('selectionchange', onChange);
    };
  }, [root]);

  const rememberColor = useCallback(
    (color: HighlightColor) => {
      setLastColor((previous) => {
        if (previous !== color) api.updateSettings({ lastColor: color }).catch(() => undefined);
        return color;
      });
    },
    [api],
  );

  const highlightSelection = useCallback(
    (color: HighlightColor): { id: string; rect: DOMRect | null } | null => {
      if (!root) return null;
      const offsets = selectionOffsets(root);
      if (!offsets) return null;
      const sel = window.getSelection();
      const rects = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).getClientRects() : null;
      const rect = rects && rects.length > 0 ? rects[rects.length - 1]! : null;
      const { id } = actions.create(offsets.start, offsets.end, color);
      rememberColor(color);
      sel?.removeAllRanges();
      setSelection(null);
      setAnnouncement(`Highlighted: ${shortQuote(article.text.slice(offsets.start, offsets.end), 120)}`);
      return { id, rect };
    },
    [root, actions, rememberColor, article.text],
  );

  const highlightWithNote = useCallback(() => {
    const made = highlightSelection(lastColor);
    if (!made) return;
    setPopover({ ids: [made.id], activeId: made.id, rect: made.rect ?? new DOMRect(0, 0, 0, 0), focusNote: true });
  }, [highlightSelection, lastColor]);

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
  }, []);

  const closeFind = useCallback(() => {
    setFindOpen(false);
    scrollerOf(root)?.focus({ preventScroll: true });
  }, [root]);

  // Clicking a highlight opens it; where several overlap, all are offered.
  useEffect(() => {
    if (!root) return;
    const onClick = (event: MouseEvent) => {
      const sel = window.getSelection();
      if (sel && !sel.isCollapsed) return;
      if ((event.target as Element | null)?.closest('a[href]')) return;
      const ids = hitTest(root, event.clientX, event.clientY);
      if (ids.length === 0) return;
      setPopover({
        ids,
        activeId: ids[0]!,
        rect: new DOMRect(event.clientX - 1, event.clientY - 12, 2, 24),
        focusNote: false,
      });
    };
    root.addEventListener('click', onClick);
    return () => root.removeEventListener('click', onClick);
  }, [root]);

  // A mouse press anywhere else closes the popover (a press on a highlight reopens it on click).
  useEffect(() => {
    if (!popoverOpen) return;
    const onDown = (event: MouseEvent) => {
      if (event.target instanceof Node && popoverRef.current?.contains(event.target)) return;
      setPopover(null);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [popoverOpen]);

  // "Edit" from the sidebar: open that highlight's popover in the text.
  useEffect(() => {
    if (!root || !layer) return;
    const events = sessionFor(article.id).events;
    const onOpen = (event: Event) => {
      const id = (event as CustomEvent<string>).detail;
      const range = layer.rangeOf(id);
      if (!range) return;
      const scrollArea = scrollerOf(root);
      if (scrollArea) centreInScroller(scrollArea, range.getBoundingClientRect());
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      setPopover({ ids: [id], activeId: id, rect, focusNote: true });
    };
    events.addEventListener(OPEN_EVENT, onOpen);
    return () => events.removeEventListener(OPEN_EVENT, onOpen);
  }, [root, layer, article.id]);

  // Keys go through window's capture phase, ahead of the reader's own keys.
  const keyState = useRef({ popoverOpen, findOpen, selection, lastColor });
  keyState.current = { popoverOpen, findOpen, selection, lastColor };
  useEffect(() => {
    if (!root) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || event.defaultPrevented) return;
      const state = keyState.current;
      const target = event.target instanceof Element ? event.target : null;
      const typing = Boolean(target?.closest(TYPING));
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (target?.closest('dialog[open]')) return;

      if (mod && !event.altKey && key === 'f') {
        event.preventDefault();
        openFind();
        return;
      }
      if (mod && !event.altKey && !typing && (key === 'z' || key === 'y')) {
        event.preventDefault();
        void (key === 'y' || event.shiftKey ? actions.redo() : actions.undo());
        return;
      }
      if (event.key === 'Escape') {
        if (state.popoverOpen) {
          event.preventDefault();
          setPopover(null);
        } else if (state.findOpen && !typing) {
          event.preventDefault();
          closeFind();
        } else if (state.selection && !typing) {
          event.preventDefault();
          window.getSelection()?.removeAllRanges();
          setSelection(null);
        }
        return;
      }
      if (event.altKey || typing) return;
      // Shift+arrows extend the selection from the caret a click left in the text.
      // Chromium does this only in editable text, so we do it, and the reader must not scroll.
      const extend = event.shiftKey ? EXTEND[event.key] : undefined;
      if (extend) {
        const sel = window.getSelection();
        const area = scrollerOf(root);
        // Keyboard only, nothing clicked yet: start at the top of what is on screen.
        if (
          sel &&
          !(sel.anchorNode && root.contains(sel.anchorNode)) &&
          area &&
          (!target || target === area || target === document.body)
        ) {
          const top = firstVisibleOffset(root, area);
          // Over one character, not collapsed: a collapsed range at a block boundary
          // would sit at the end of the block before.
          const at = offsetsToRange(root, top, top + 1);
          sel.collapse(at.startContainer, at.startOffset);
        }
        if (sel?.anchorNode && root.contains(sel.anchorNode)) {
          event.preventDefault();
          event.stopPropagation();
          sel.modify('extend', extend[0], mod && extend[1] === 'character' ? 'word' : extend[1]);
        }
        return;
      }
      if (mod) return;
      if (key === '/' && !target?.closest('.highlight-popover')) {
        event.preventDefault();
        openFind();
        return;
      }
      if (!selectionOffsets(root)) return;
      const color = /^[1-5]$/.test(key) ? COLORS[Number(key) - 1] : undefined;
      if (key === 'h' || color) {
        event.preventDefault();
        highlightSelection(color ?? state.lastColor);
      } else if (key === 'n') {
        event.preventDefault();
        highlightWithNote();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [root, actions, openFind, closeFind, highlightSelection, highlightWithNote]);

  const byId = (id: string): Annotation | undefined => {
    const current = actions.currentId(id);
    return annotations.find((a) => a.id === current || a.id === id);
  };
  const active = popover ? byId(popover.activeId) : undefined;
  const choices = popover ? popover.ids.map(byId).filter((a): a is Annotation => a !== undefined) : [];

  // The open highlight went away (deleted, undone elsewhere): nothing left to show.
  useEffect(() => {
    if (popover && !active) setPopover(null);
  }, [popover, active]);
  useEffect(() => {
    layer?.select(active ? active.id : null);
  }, [layer, active]);

  return (
    <>
      <ArticleNote ctx={ctx} />
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
