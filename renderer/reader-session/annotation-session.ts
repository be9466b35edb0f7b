// What the reading area and the sidebar tab share for one open article: one
// undo history (Ctrl+Z in the text undoes a delete made from the sidebar) and
// the ids of highlights whose create is still on its way. The reader-session
// provider makes one per open article and drops it with the article.
import { createUndoStack, type UndoStack } from './undo-stack';

export interface AnnotationSession {
  undo: UndoStack;
  /** Temporary id → the id the server gave it. */
  pending: Map<string, Promise<string>>;
  /** Temporary id → server id, once known (for code that holds an old id). */
  saved: Map<string, string>;
  /**
   * The last edit sent. Edits go one after another: two in flight at once (a note's typing save and
   * its final save) can reach the server in either order, and the older would win.
   */
  writes: Promise<unknown>;
}

export function createAnnotationSession(): AnnotationSession {
  return { undo: createUndoStack(), pending: new Map(), saved: new Map(), writes: Promise.resolve() };
}
