// Every annotation change: applied to the screen at once, saved through the API
// at once, rolled back with an error toast when the save fails, and recorded
// for undo/redo. Plain TS (no React), so it is tested with a fake API.
import type { Annotation, AnnotationPatch, GlossApi, HighlightColor } from '../../main/model/contract';
import type { AnnotationSession } from './annotation-session';
import { messageOf } from '../api/message-of';

export interface AnnotationActions {
  /** Shows the highlight now; `saved` resolves with the server's id. */
  create(
    start: number,
    end: number,
    color: HighlightColor,
    note?: string,
  ): { id: string; saved: Promise<string | null> };
  update(id: string, patch: AnnotationPatch, options?: { record?: boolean; before?: AnnotationPatch }): Promise<void>;
  remove(id: string): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** The current id of an annotation that may have been created with a temporary one. */
  currentId(id: string): string;
}

export interface ActionDeps {
  api: Pick<GlossApi, 'createAnnotation' | 'updateAnnotation' | 'deleteAnnotation' | 'restoreAnnotation'>;
  articleId: string;
  session: AnnotationSession;
  /** The annotations as currently shown. */
  current(): readonly Annotation[];
  /** The article's canonical text, for the quote of a new highlight. */
  text(): string;
  setAnnotations(update: (list: Annotation[]) => Annotation[]): void;
  notify(message: string, options?: { undo?: () => void; level?: 'info' | 'error' }): void;
}

let tempCounter = 0;

export function createAnnotationActions(deps: ActionDeps): AnnotationActions {
  const { api, articleId, session, setAnnotations, notify } = deps;
  const realId = (id: string) => session.pending.get(id) ?? Promise.resolve(session.saved.get(id) ?? id);
  const find = (id: string) => {
    const rid = session.saved.get(id) ?? id;
    return deps.current().find((a) => a.id === rid || a.id === id) ?? null;
  };
  const put = (annotation: Annotation) =>
    setAnnotations((list) => [...list.filter((a) => a.id !== annotation.id), annotation]);
  const drop = (id: string) => setAnnotations((list) => list.filter((a) => a.id !== id));
  const fail = (error: unknown, fallback: string) => notify(messageOf(error, fallback), { level: 'error' });

  async function applyPatch(id: string, patch: AnnotationPatch): Promise<void> {
    const before = find(id);
    if (!before) return;
    const modified = new Date().toISOString();
    // Applied to the list as it is by then, not to `before`: what current() returns trails the last
    // render, and a second edit right after a first (a note saved on blur, then a tag) would undo it.
    setAnnotations((list) =>
      list.map((a) => (a.id === before.id ? { ...a, body: { ...a.body, ...patch }, modified } : a)),
    );
    const write = session.writes.then(async () => {
      const rid = await realId(id);
      await api.updateAnnotation({ articleId, id: rid, patch });
    });
    // The queue goes on after a failed edit; the failure is this edit's caller's to report.
    session.writes = write.catch(() => undefined);
    try {
      await write;
    } catch (error) {
      setAnnotations((list) =>
        list.map((a) => (a.id === before.id ? { ...a, body: { ...a.body, ...pick(before.body, patch) } } : a)),
      );
      throw error;
    }
  }

  async function deleteNow(id: string): Promise<Annotation | null> {
    const rid = await realId(id);
    const snapshot = find(rid);
    if (!snapshot) return null;
    drop(rid);
    try {
      await api.deleteAnnotation({ articleId, id: rid });
    } catch (error) {
      put(snapshot);
      throw error;
    }
    return snapshot;
  }

  async function restoreNow(snapshot: Annotation): Promise<void> {
    put(snapshot);
    try {
      const restored = await api.restoreAnnotation({ articleId, annotation: snapshot });
      put(restored);
    } catch (error) {
      drop(snapshot.id);
      throw error;
    }
  }

  const actions: AnnotationActions = {
    create(start, end, color, note = '') {
      const text = deps.text();
      const now = new Date().toISOString();
      const tempId = `pending-${Date.now().toString(36)}-${(tempCounter += 1)}`;
      const optimistic: Annotation = {
        id: tempId,
        created: now,
        modified: now,
        target: {
          source: articleId,
          selector: [
            { type: 'TextPositionSelector', start, end },
            { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: '', suffix: '' },
          ],
        },
        body: { color, note, tags: [] },
        status: 'anchored',
      };
      put(optimistic);
      const request = api.createAnnotation({ articleId, start, end, color, note });
      const idPromise = request.then((created) => created.id);
      session.pending.set(tempId, idPromise);
      let current = tempId;
      let undoneCreate: Annotation | null = null;
      const entry = {
        label: 'highlight',
        undo: async () => {
          const snapshot = await deleteNow(current);
          if (snapshot) current = snapshot.id;
          undoneCreate = snapshot;
        },
        redo: async () => {
          if (undoneCreate) await restoreNow(undoneCreate);
        },
      };
      session.undo.push(entry);
      const saved = request.then(
        (created) => {
          session.saved.set(tempId, created.id);
          session.pending.delete(tempId);
          // Keep what the user changed meanwhile; those edits are queued behind this id.
          setAnnotations((list) => list.map((a) => (a.id === tempId ? { ...created, body: a.body } : a)));
          return created.id;
        },
        (error: unknown) => {
          session.pending.delete(tempId);
          session.undo.discard(entry);
          drop(tempId);
          fail(error, 'The highlight could not be saved.');
          return null;
        },
      );
      // Keep an unresolved rejection off the console: callers use `saved`.
      idPromise.catch(() => undefined);
      return { id: tempId, saved };
    },

    async update(id, patch, options = {}) {
      const before = find(id);
      if (!before) return;
      const prior = options.before ?? pick(before.body, patch);
      const saving = applyPatch(id, patch);
      const entry = {
        label: 'edit',
        undo: async () => {
          await saving;
          await applyPatch(id, prior);
        },
        redo: () => applyPatch(id, patch),
      };
      if (options.record !== false) session.undo.push(entry);
      try {
        await saving;
      } catch (error) {
        session.undo.discard(entry);
        fail(error, 'The change to the highlight could not be saved.');
      }
    },

    async remove(id) {
      if (!find(id)) return;
      // On the undo stack before the save returns: Ctrl+Z right after Delete must find it.
      const deleting = deleteNow(id);
      const entry = {
        label: 'delete',
        undo: async () => {
          const snapshot = await deleting;
          if (snapshot) await restoreNow(snapshot);
        },
        redo: async () => {
          const snapshot = await deleting;
          if (snapshot) await deleteNow(snapshot.id);
        },
      };
      session.undo.push(entry);
      try {
        if (!(await deleting)) session.undo.discard(entry);
      } catch (error) {
        session.undo.discard(entry);
        fail(error, 'The highlight could not be deleted.');
        return;
      }
      notify('Highlight deleted.', {
        // The toast's Undo means this delete: only while it is still the latest change.
        undo: () => {
          if (session.undo.peek() === entry) void actions.undo();
          else notify('Other changes came after that delete: use Ctrl+Z to step back to it.');
        },
      });
    },

    async undo() {
      try {
        const label = await session.undo.undo();
        if (label) notify(`Undone: ${label}.`);
      } catch (error) {
        fail(error, 'That change could not be undone.');
      }
    },

    async redo() {
      try {
        const label = await session.undo.redo();
        if (label) notify(`Redone: ${label}.`);
      } catch (error) {
        fail(error, 'That change could not be redone.');
      }
    },

    currentId: (id) => session.saved.get(id) ?? id,
  };
  return actions;
}

/** The fields of `body` that `patch` is about to change, for rollback and undo. */
function pick(body: Annotation['body'], patch: AnnotationPatch): AnnotationPatch {
  const out: AnnotationPatch = {};
  if (patch.color !== undefined) out.color = body.color;
  if (patch.note !== undefined) out.note = body.note;
  if (patch.tags !== undefined) out.tags = [...body.tags];
  return out;
}
