// The annotation and find keys. They go through window's capture phase, ahead
// of the reader's own keys (use-reader-keys.ts), and claim what they handle
// with preventDefault.
import { useEffect, useRef } from 'react';
import type { HighlightColor } from '../../../main/model/contract';
import { selectionOffsets } from '../../highlights/selection-offsets';
import { offsetsToRange } from '../../highlights/text-offsets';
import type { AnnotationActions } from '../../reader-session/annotation-actions';
import { firstVisibleOffset } from '../reader/reading-position';
import { COLORS } from './annotation-filters';
import { scrollerOf } from './position';

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
const EXTEND: Record<string, [direction: 'forward' | 'backward', granularity: string]> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
  Home: ['backward', 'lineboundary'],
  End: ['forward', 'lineboundary'],
};

export interface OverlayKeyState {
  popoverOpen: boolean;
  findOpen: boolean;
  hasSelection: boolean;
  lastColor: HighlightColor;
}

export interface OverlayKeyHandlers {
  actions: AnnotationActions;
  openFind(): void;
  closeFind(): void;
  closePopover(): void;
  clearSelection(): void;
  highlightSelection(color: HighlightColor): void;
  highlightWithNote(): void;
}

/** Shift+arrows extend the selection from the caret a click left in the text (Chromium does it only in editable text). */
function extendSelection(root: HTMLElement, event: KeyboardEvent, target: Element | null, mod: boolean): void {
  const extend = EXTEND[event.key]!;
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
    // The reader must not scroll.
    event.preventDefault();
    event.stopPropagation();
    sel.modify('extend', extend[0], mod && extend[1] === 'character' ? 'word' : extend[1]);
  }
}

/** Escape closes the innermost thing: the popover, then the find bar, then the selection. */
function onEscape(event: KeyboardEvent, state: OverlayKeyState, typing: boolean, on: OverlayKeyHandlers): void {
  if (state.popoverOpen) {
    event.preventDefault();
    on.closePopover();
  } else if (state.findOpen && !typing) {
    event.preventDefault();
    on.closeFind();
  } else if (state.hasSelection && !typing) {
    event.preventDefault();
    window.getSelection()?.removeAllRanges();
    on.clearSelection();
  }
}

export function useOverlayKeys(root: HTMLElement | null, state: OverlayKeyState, handlers: OverlayKeyHandlers): void {
  const latest = useRef(state);
  latest.current = state;
  const { actions, openFind, closeFind, highlightSelection, highlightWithNote } = handlers;
  const on = useRef(handlers);
  on.current = handlers;

  useEffect(() => {
    if (!root) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing || event.defaultPrevented) return;
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
      if (event.key === 'Escape') return onEscape(event, latest.current, typing, on.current);
      if (event.altKey || typing) return;
      if (event.shiftKey && EXTEND[event.key]) return extendSelection(root, event, target, mod);
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
        highlightSelection(color ?? latest.current.lastColor);
      } else if (key === 'n') {
        event.preventDefault();
        highlightWithNote();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [root, actions, openFind, closeFind, highlightSelection, highlightWithNote]);
}
