import { useEffect, useRef, type RefObject } from 'react';
import { takeStrayEscape } from '../../components/stray-escape';

interface Handlers {
  onBack: () => void;
  onHelp: () => void;
  onNextHighlight?: () => void;
  onPreviousHighlight?: () => void;
  onArchive?: () => void;
  onFavorite?: () => void;
}

const LINE = 64;
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
// Where Space and arrows already mean something to the focused control.
const OWNS_SPACE = 'button, a[href], summary, [role="button"], [role="tab"], [role="checkbox"], [role="menuitem"]';
// Escape belongs to whatever small surface has focus (a popover, the find bar, the sidebar) before it means "back".
const OWNS_ESCAPE =
  '[role="dialog"], [role="alertdialog"], [role="toolbar"], [role="search"], [role="menu"], [role="listbox"], [role="combobox"], .reader__sidebar';
const OWNS_ARROWS =
  '[role="tablist"], [role="listbox"], [role="menu"], [role="radiogroup"], [role="grid"], [role="tree"], .reader__sidebar';

/**
 * Reading keys. Listens on window in the bubble phase and ignores events a
 * feature already handled (`defaultPrevented`), so the annotation and find
 * features can claim keys (and Escape) first by calling preventDefault.
 */
export function useReaderKeys(scroller: RefObject<HTMLElement | null>, handlers: Handlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(TYPING) || target?.closest('dialog[open]')) return;
      const element = scroller.current;
      if (!element) return;
      const smooth: ScrollBehavior = event.repeat ? 'auto' : 'smooth';
      const page = Math.max(LINE, element.clientHeight - 2 * LINE);
      const by = (top: number) => element.scrollBy({ top, behavior: smooth });
      // Shift+arrows extend a selection; only Space and ? use Shift here.
      const arrowsOwned = Boolean(target?.closest(OWNS_ARROWS)) || event.shiftKey;

      switch (event.key) {
        case 'j':
          by(LINE);
          break;
        case 'k':
          by(-LINE);
          break;
        case 'ArrowDown':
          if (arrowsOwned) return;
          by(LINE);
          break;
        case 'ArrowUp':
          if (arrowsOwned) return;
          by(-LINE);
          break;
        case ' ':
          if (target?.closest(OWNS_SPACE)) return;
          by(event.shiftKey ? -page : page);
          break;
        case 'PageDown':
          by(page);
          break;
        case 'PageUp':
          by(-page);
          break;
        case 'Home':
          if (arrowsOwned) return;
          element.scrollTo({ top: 0, behavior: smooth });
          break;
        case 'End':
          if (arrowsOwned) return;
          element.scrollTo({ top: element.scrollHeight, behavior: smooth });
          break;
        case 'b':
          latest.current.onBack();
          break;
        case ']':
          latest.current.onNextHighlight?.();
          break;
        case '[':
          latest.current.onPreviousHighlight?.();
          break;
        case 'e':
          latest.current.onArchive?.();
          break;
        case 'f':
          latest.current.onFavorite?.();
          break;
        case 'Escape': {
          if (target?.closest(OWNS_ESCAPE)) return;
          // First Escape drops a selection (and the selection toolbar with it); the next one goes back.
          const selection = window.getSelection();
          if (selection && !selection.isCollapsed) {
            selection.removeAllRanges();
            break;
          }
          // Meant for a dialog that has just closed by itself.
          if (takeStrayEscape()) break;
          latest.current.onBack();
          break;
        }
        case '?':
          latest.current.onHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [scroller]);
}
