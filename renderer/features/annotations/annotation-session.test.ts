import { expect, it } from 'vitest';
import { endSession, sessionFor } from './annotation-session';

it('keeps one session per open article and lets it go when the reader leaves', () => {
  const first = sessionFor('a1');
  first.undo.push({ label: 'highlight', undo: async () => {}, redo: async () => {} });
  expect(sessionFor('a1')).toBe(first);
  endSession('a1');
  const next = sessionFor('a1');
  expect(next).not.toBe(first);
  expect(next.undo.canUndo()).toBe(false);
});
