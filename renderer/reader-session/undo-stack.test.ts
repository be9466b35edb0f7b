import { describe, expect, it } from 'vitest';
import { createUndoStack } from './undo-stack';

function counter() {
  const log: string[] = [];
  const entry = (name: string, fail = { undo: false }) => ({
    label: name,
    undo: async () => {
      if (fail.undo) throw new Error('offline');
      log.push(`undo ${name}`);
    },
    redo: async () => {
      log.push(`redo ${name}`);
    },
  });
  return { log, entry };
}

describe('undo stack', () => {
  it('undoes in reverse order and redoes in order', async () => {
    const { log, entry } = counter();
    const stack = createUndoStack();
    stack.push(entry('a'));
    stack.push(entry('b'));
    expect(await stack.undo()).toBe('b');
    expect(await stack.undo()).toBe('a');
    expect(await stack.undo()).toBeNull();
    expect(await stack.redo()).toBe('a');
    expect(log).toEqual(['undo b', 'undo a', 'redo a']);
    expect(stack.canRedo()).toBe(true);
  });

  it('a new change clears what could be redone', async () => {
    const { entry } = counter();
    const stack = createUndoStack();
    stack.push(entry('a'));
    await stack.undo();
    stack.push(entry('b'));
    expect(stack.canRedo()).toBe(false);
    expect(await stack.redo()).toBeNull();
  });

  it('runs steps one at a time even when asked quickly', async () => {
    const order: string[] = [];
    const stack = createUndoStack();
    for (const name of ['a', 'b', 'c']) {
      stack.push({
        label: name,
        undo: () => new Promise<void>((done) => setTimeout(() => (order.push(name), done()), name === 'c' ? 20 : 1)),
        redo: async () => undefined,
      });
    }
    await Promise.all([stack.undo(), stack.undo(), stack.undo()]);
    expect(order).toEqual(['c', 'b', 'a']);
  });

  it('keeps a failed undo on the stack so it can be retried', async () => {
    const { entry } = counter();
    const stack = createUndoStack();
    const flaky = { undo: true };
    stack.push(entry('a', flaky));
    await expect(stack.undo()).rejects.toThrow('offline');
    expect(stack.canUndo()).toBe(true);
    flaky.undo = false;
    expect(await stack.undo()).toBe('a');
  });

  it('forgets the oldest entries beyond the limit', async () => {
    const { entry } = counter();
    const stack = createUndoStack(2);
    stack.push(entry('a'));
    stack.push(entry('b'));
    stack.push(entry('c'));
    expect(await stack.undo()).toBe('c');
    expect(await stack.undo()).toBe('b');
    expect(await stack.undo()).toBeNull();
  });

  it('can forget an entry whose change never happened', async () => {
    const { entry } = counter();
    const stack = createUndoStack();
    const a = entry('a');
    stack.push(a);
    stack.push(entry('b'));
    stack.discard(a);
    expect(await stack.undo()).toBe('b');
    expect(await stack.undo()).toBeNull();
  });
});
