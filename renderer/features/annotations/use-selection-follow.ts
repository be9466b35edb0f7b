import { useEffect, useState } from 'react';
import { selectionOffsets } from '../../highlights/selection-offsets';

export interface SelectionState {
  start: number;
  end: number;
  /** Where the selection ends on screen: the selection toolbar sits by it. */
  rect: DOMRect;
}

/** Follows the selection in the article; while the mouse is down, waits for the drag to end. */
export function useSelectionFollow(root: HTMLElement | null) {
  const [selection, setSelection] = useState<SelectionState | null>(null);
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
  return [selection, setSelection] as const;
}
