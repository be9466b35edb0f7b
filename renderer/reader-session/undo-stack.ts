// Undo/redo for annotation changes. Each entry knows how to reverse and replay
// itself through the API; running them one at a time keeps a fast Ctrl+Z burst
// from racing (undoing a create before its save came back).

export interface UndoEntry {
  /** What the change was, for the status message ("Undid: highlight"). */
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export interface UndoStack {
  push(entry: UndoEntry): void;
  /** Resolves to the label undone, or null when there was nothing to undo. */
  undo(): Promise<string | null>;
  redo(): Promise<string | null>;
  /** Forgets one entry (its change failed to save, so there is nothing to undo). */
  discard(entry: UndoEntry): void;
  /** The entry Ctrl+Z would undo next. */
  peek(): UndoEntry | undefined;
  canUndo(): boolean;
  canRedo(): boolean;
  clear(): void;
}

export function createUndoStack(limit = 200): UndoStack {
  const done: UndoEntry[] = [];
  const undone: UndoEntry[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  // A failed step leaves both stacks as they were before it, so the user can retry.
  function run(from: UndoEntry[], to: UndoEntry[], step: 'undo' | 'redo'): Promise<string | null> {
    const next = queue.then(async () => {
      const entry = from.pop();
      if (!entry) return null;
      try {
        await entry[step]();
      } catch (error) {
        from.push(entry);
        throw error;
      }
      to.push(entry);
      return entry.label;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    push(entry) {
      done.push(entry);
      if (done.length > limit) done.shift();
      undone.length = 0;
    },
    undo: () => run(done, undone, 'undo'),
    redo: () => run(undone, done, 'redo'),
    discard(entry) {
      for (const list of [done, undone]) {
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
      }
    },
    peek: () => done.at(-1),
    canUndo: () => done.length > 0,
    canRedo: () => undone.length > 0,
    clear() {
      done.length = 0;
      undone.length = 0;
    },
  };
}
