// Which highlight's popover is open, and everything that opens or closes it:
// a click on a highlight (all the overlapping ones are offered), "Edit" from
// the sidebar, a press elsewhere, the highlight going away.
import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../main/model/contract';
import { useApi } from '../../api/api-context';
import type { HighlightLayer } from '../../highlights/highlight-layer';
import { hitTest } from '../../highlights/hit-test';
import { useReaderSession } from '../../reader-session/reader-session';
import { centreInScroller, scrollerOf } from './position';

export interface PopoverState {
  ids: string[];
  activeId: string;
  rect: DOMRect;
  focusNote: boolean;
}

export function usePopoverState(layer: HighlightLayer | null) {
  const api = useApi();
  const { root, annotations, actions, openRequest } = useReaderSession();
  const [popover, setPopover] = useState<PopoverState | null>(null);
  const [knownTags, setKnownTags] = useState<string[]>([]);
  const popoverRef = useRef<HTMLDivElement>(null);
  const popoverOpen = popover !== null;

  // Tags for completion: fetched when a highlight opens, so new ones from other articles show up.
  useEffect(() => {
    if (!popoverOpen) return;
    api.listTags({}).then(setKnownTags, () => undefined);
  }, [api, popoverOpen]);

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

  // "Edit" from the sidebar, each request once (a new layer after "Update from file…" must not replay it).
  const handled = useRef(0);
  useEffect(() => {
    if (!root || !layer || !openRequest || openRequest.seq === handled.current) return;
    handled.current = openRequest.seq;
    const { id } = openRequest;
    const range = layer.rangeOf(id);
    if (!range) return;
    const scrollArea = scrollerOf(root);
    if (scrollArea) centreInScroller(scrollArea, range.getBoundingClientRect());
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    setPopover({ ids: [id], activeId: id, rect, focusNote: true });
  }, [root, layer, openRequest]);

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

  return { popover, setPopover, popoverRef, knownTags, active, choices };
}
