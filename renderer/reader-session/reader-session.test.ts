// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Article, GlossApi } from '../../main/model/contract';
import { ApiProvider } from '../api/api-context';
import { ReaderSessionProvider, useReaderSession, type ReaderSession } from './reader-session';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const article = (id: string) => ({ id, title: id, text: 'Some text.', html: '<p>Some text.</p>' }) as Article;

// Stable, as the app's are: the actions are made again only when these change.
const api = {} as GlossApi;
const notify = () => undefined;

let root: Root;
let seen: ReaderSession | null;

function Probe() {
  seen = useReaderSession();
  return null;
}

/** ReaderView's shape: one provider per open article, keyed by it. */
function show(articleId: string | null) {
  const reader = articleId
    ? createElement(ReaderSessionProvider, {
        key: articleId,
        initial: { article: article(articleId), annotations: [] },
        notify,
        children: createElement(Probe),
      })
    : null;
  act(() => root.render(createElement(ApiProvider, { api, children: reader })));
}

beforeEach(() => {
  root = createRoot(document.createElement('div'));
  seen = null;
});
afterEach(() => act(() => root.unmount()));

it('keeps one session per open article and lets it go when the reader leaves', () => {
  show('a1');
  const first = seen!;
  first.undo.push({ label: 'highlight', undo: async () => {}, redo: async () => {} });
  show('a1');
  expect(seen!.undo).toBe(first.undo);
  expect(seen!.actions).toBe(first.actions);
  show(null);
  show('a1');
  expect(seen!.undo).not.toBe(first.undo);
  expect(seen!.undo.canUndo()).toBe(false);
});

it('tells one open request from the next, even for the same highlight', () => {
  show('a1');
  expect(seen!.openRequest).toBeNull();
  act(() => seen!.requestOpen('h1'));
  const once = seen!.openRequest;
  act(() => seen!.requestOpen('h1'));
  expect(once?.id).toBe('h1');
  expect(seen!.openRequest?.id).toBe('h1');
  expect(seen!.openRequest?.seq).not.toBe(once?.seq);
});
