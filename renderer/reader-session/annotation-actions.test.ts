import { describe, expect, it } from 'vitest';
import type { Annotation, AnnotationPatch, NewAnnotation } from '../../main/model/contract';
import { createAnnotationActions, type ActionDeps } from './annotation-actions';
import type { AnnotationSession } from './annotation-session';
import { createUndoStack } from './undo-stack';

const TEXT = 'The harbour master keeps the tide tables in a drawer beside the radio.';

/** A fake server over an in-memory list, with switchable failures and a gate to hold replies. */
function setup() {
  const stored = new Map<string, Annotation>();
  const failing = { create: false, update: false, delete: false };
  let next = 1;
  const lagging = { on: false };
  let gate: Promise<void> = Promise.resolve();
  const hold = () => {
    let release!: () => void;
    gate = new Promise<void>((done) => (release = done));
    return () => {
      release();
      gate = Promise.resolve();
    };
  };
  const api: ActionDeps['api'] = {
    async createAnnotation(input: NewAnnotation) {
      await gate;
      if (failing.create) throw new Error('Disk full.');
      const a: Annotation = {
        id: `srv-${next++}`,
        created: 'c',
        modified: 'm',
        target: {
          source: input.articleId,
          selector: [
            { type: 'TextPositionSelector', start: input.start, end: input.end },
            { type: 'TextQuoteSelector', exact: TEXT.slice(input.start, input.end), prefix: '', suffix: '' },
          ],
        },
        body: { color: input.color, note: input.note ?? '', tags: input.tags ?? [] },
        status: 'anchored',
      };
      stored.set(a.id, a);
      return a;
    },
    async updateAnnotation({ id, patch }: { articleId: string; id: string; patch: AnnotationPatch }) {
      await gate;
      if (failing.update) throw new Error('Disk full.');
      const a = stored.get(id);
      if (!a) throw new Error(`no ${id}`);
      const updated = { ...a, body: { ...a.body, ...patch } };
      stored.set(id, updated);
      return updated;
    },
    async deleteAnnotation({ id }: { articleId: string; id: string }) {
      await gate;
      if (failing.delete) throw new Error('Disk full.');
      stored.delete(id);
    },
    async restoreAnnotation({ annotation }: { articleId: string; annotation: Annotation }) {
      await gate;
      stored.set(annotation.id, annotation);
      return annotation;
    },
  };
  let shown: Annotation[] = [];
  // What React has rendered: the actions read it (current()), and it trails their updates until a render.
  let rendered: Annotation[] = [];
  const toasts: { message: string; level?: string; undo?: () => void }[] = [];
  const session: AnnotationSession = {
    undo: createUndoStack(),
    pending: new Map(),
    saved: new Map(),
    writes: Promise.resolve(),
  };
  const actions = createAnnotationActions({
    api,
    articleId: 'art',
    session,
    current: () => rendered,
    text: () => TEXT,
    setAnnotations: (update) => {
      shown = update(shown);
      if (!lagging.on) rendered = shown;
    },
    notify: (message, options = {}) => toasts.push({ message, ...options }),
  });
  /** Replies to the next update only after `ms`: what a loaded server does to one request of two. */
  const slowNextUpdate = (ms: number) => {
    const update = api.updateAnnotation;
    api.updateAnnotation = async (input) => {
      api.updateAnnotation = update;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return update(input);
    };
  };
  /** From now on, renders happen only when render() is called, as with React between two events. */
  const lag = () => {
    lagging.on = true;
    return () => (rendered = shown);
  };
  return { actions, stored, failing, toasts, hold, slowNextUpdate, lag, shown: () => shown };
}

const range = (phrase: string) => [TEXT.indexOf(phrase), TEXT.indexOf(phrase) + phrase.length] as const;

describe('annotation actions', () => {
  it('shows a new highlight at once and swaps in the server id when saved', async () => {
    const t = setup();
    const release = t.hold();
    const [s, e] = range('tide tables');
    const { id, saved } = t.actions.create(s, e, 'green');
    expect(t.shown().map((a) => [a.id, a.target.selector[1].exact])).toEqual([[id, 'tide tables']]);
    release();
    const real = await saved;
    expect(real).toBe('srv-1');
    expect(t.shown().map((a) => a.id)).toEqual(['srv-1']);
    expect(t.actions.currentId(id)).toBe('srv-1');
  });

  it('sends edits one after another, so a slow first save never overwrites a later one', async () => {
    const t = setup();
    const [s, e] = range('drawer');
    const { id, saved } = t.actions.create(s, e, 'yellow');
    await saved;
    t.slowNextUpdate(30);
    const typing = t.actions.update(id, { note: 'Wet fe' }, { record: false });
    const final = t.actions.update(id, { note: 'Wet feet' });
    await Promise.all([typing, final]);
    expect(t.stored.get('srv-1')!.body.note).toBe('Wet feet');
  });

  it('two edits made before a render both stay on screen (a note saved on blur, then a tag)', async () => {
    const t = setup();
    const [s, e] = range('drawer');
    const { saved } = t.actions.create(s, e, 'yellow');
    const id = (await saved)!;
    const render = t.lag();
    const note = t.actions.update(id, { note: 'Checked **before**' }, { record: false });
    const tags = t.actions.update(id, { tags: ['routine'] });
    await Promise.all([note, tags]);
    render();
    expect(t.shown()[0]!.body).toMatchObject({ note: 'Checked **before**', tags: ['routine'] });
    expect(t.stored.get(id)!.body).toMatchObject({ note: 'Checked **before**', tags: ['routine'] });
  });

  it('an edit made before the create returns lands on the saved highlight', async () => {
    const t = setup();
    const release = t.hold();
    const [s, e] = range('drawer');
    const { id, saved } = t.actions.create(s, e, 'yellow');
    const editing = t.actions.update(id, { note: 'top left' });
    expect(t.shown()[0]!.body.note).toBe('top left');
    release();
    await saved;
    await editing;
    expect(t.stored.get('srv-1')!.body.note).toBe('top left');
    expect(t.shown()[0]!.body.note).toBe('top left');
  });

  it('takes a failed create off the screen, says why, and leaves nothing to undo', async () => {
    const t = setup();
    t.failing.create = true;
    const [s, e] = range('radio');
    expect(await t.actions.create(s, e, 'blue').saved).toBeNull();
    expect(t.shown()).toEqual([]);
    expect(t.toasts.at(-1)).toMatchObject({ message: 'Disk full.', level: 'error' });
    await t.actions.undo();
    expect(t.toasts.at(-1)!.message).toBe('Disk full.');
  });

  it('rolls a failed edit back', async () => {
    const t = setup();
    const [s, e] = range('radio');
    await t.actions.create(s, e, 'blue').saved;
    t.failing.update = true;
    await t.actions.update('srv-1', { color: 'pink', note: 'x' });
    expect(t.shown()[0]!.body).toMatchObject({ color: 'blue', note: '' });
    expect(t.toasts.at(-1)!.level).toBe('error');
  });

  it('undoes and redoes a create, an edit and a delete through the API', async () => {
    const t = setup();
    const [s, e] = range('harbour master');
    await t.actions.create(s, e, 'yellow').saved;
    await t.actions.update('srv-1', { color: 'purple' });
    await t.actions.remove('srv-1');
    expect(t.stored.size).toBe(0);
    expect(t.toasts.at(-1)!.message).toBe('Highlight deleted.');

    await t.actions.undo(); // the delete: restored exactly, same id
    expect([...t.stored.values()].map((a) => [a.id, a.body.color])).toEqual([['srv-1', 'purple']]);
    await t.actions.undo(); // the color
    expect(t.stored.get('srv-1')!.body.color).toBe('yellow');
    await t.actions.undo(); // the create
    expect(t.stored.size).toBe(0);
    expect(t.shown()).toEqual([]);

    await t.actions.redo();
    expect(t.stored.get('srv-1')!.body.color).toBe('yellow');
    await t.actions.redo();
    await t.actions.redo();
    expect(t.stored.size).toBe(0);
  });

  it('the toast Undo of a delete works only while that delete is the latest change', async () => {
    const t = setup();
    await t.actions.create(...range('tide'), 'yellow').saved;
    await t.actions.create(...range('radio'), 'green').saved;
    await t.actions.remove('srv-1');
    const toast = t.toasts.at(-1)!;
    await t.actions.update('srv-2', { note: 'later' });
    toast.undo!();
    expect(t.stored.has('srv-1')).toBe(false);
    expect(t.toasts.at(-1)!.message).toMatch(/Ctrl\+Z/);
  });

  it('puts a highlight back when its delete fails', async () => {
    const t = setup();
    await t.actions.create(...range('drawer'), 'yellow').saved;
    t.failing.delete = true;
    await t.actions.remove('srv-1');
    expect(t.shown().map((a) => a.id)).toEqual(['srv-1']);
    expect(t.toasts.at(-1)).toMatchObject({ level: 'error' });
  });
});
