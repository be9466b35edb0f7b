// What the reading area and the sidebar tab share for one open article: one
// undo history (Ctrl+Z in the text undoes a delete made from the sidebar), the
// ids of highlights whose create is still on its way, and "open this one"
// requests from the sidebar to the popover.
import { createUndoStack, type UndoStack } from './undo-stack';

export interface AnnotationSession {
  undo: UndoStack;
  /** Temporary id → the id the server gave it. */
  pending: Map<string, Promise<string>>;
  /** Temporary id → server id, once known (for code that holds an old id). */
  saved: Map<string, string>;
  events: EventTarget;
}

const sessions = new Map<string, AnnotationSession>();

export function sessionFor(articleId: string): AnnotationSession {
  let session = sessions.get(articleId);
  if (!session) {
    session = { undo: createUndoStack(), pending: new Map(), saved: new Map(), events: new EventTarget() };
    sessions.set(articleId, session);
  }
  return session;
}

/** Forgets the article's session when the reader leaves it, so its undo closures can be collected. */
export function endSession(articleId: string): void {
  sessions.delete(articleId);
}

export const OPEN_EVENT = 'open-annotation';

export function requestOpen(articleId: string, id: string): void {
  sessionFor(articleId).events.dispatchEvent(new CustomEvent<string>(OPEN_EVENT, { detail: id }));
}
