// "Keep this paragraph": puts a passage reader mode set aside back into the article, as its own block
// at the place it stood, and returns the new article HTML, text and list of what is still removed.
import type { RemovedPassage } from '../model/contract';
import { AppError } from '../model/errors';
import { toCanonicalHtml } from './canonical-html';
import { parseIntoBody } from './html-window';
import { writeTextBlocks } from './text-article';

export interface KeepableContent {
  html: string;
  text: string;
  removed: RemovedPassage[];
}

/** The outermost element (below the body) whose text starts exactly at `at`, or null past the end. */
function blockStartingAt(body: HTMLElement, at: number): Element | null {
  const walker = body.ownerDocument.createTreeWalker(body, 0x4 /* SHOW_TEXT */);
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const length = (n as Text).data.length;
    if (offset + length > at && length > 0 && /\S/.test((n as Text).data)) {
      let el = n.parentElement;
      while (
        el &&
        el.parentElement &&
        el.parentElement !== body &&
        startOf(body, el.parentElement) === startOf(body, el)
      ) {
        el = el.parentElement;
      }
      return el === body ? null : el;
    }
    offset += length;
  }
  return null;
}

function startOf(body: HTMLElement, el: Element): number {
  const walker = body.ownerDocument.createTreeWalker(body, 0x4);
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (el.contains(n)) return offset;
    offset += (n as Text).data.length;
  }
  return offset;
}

/** Puts `content.removed[index]` back where it stood. Offsets after it move by the length put in. */
export function keepPassage(content: KeepableContent, index: number): KeepableContent {
  const passage = content.removed[index];
  if (!passage) throw new AppError('not_found', 'That passage is no longer among the removed ones.');
  const body = parseIntoBody(content.html);
  const before = passage.at < content.text.length ? blockStartingAt(body, passage.at) : null;
  const holder = parseIntoBody(writeTextBlocks(passage.text));
  const nodes = Array.from(holder.childNodes);
  for (const node of nodes) {
    if (before?.parentNode) before.parentNode.insertBefore(body.ownerDocument.importNode(node, true), before);
    else body.append(body.ownerDocument.importNode(node, true));
  }
  const next = toCanonicalHtml(body.innerHTML);
  const delta = next.text.length - content.text.length;
  const at = passage.at;
  // Everything before the passage's place and after it must be as it was, only shifted.
  const shifted =
    next.text.slice(0, at) === content.text.slice(0, at) && next.text.slice(at + delta) === content.text.slice(at);
  if (delta <= 0 || !shifted) {
    throw new AppError('internal', 'Gloss could not put that passage back without changing the text around it.');
  }
  const removed = content.removed
    .filter((_, i) => i !== index)
    .map((p, i) => (i >= index ? { ...p, at: p.at + delta } : p));
  return { html: next.html, text: next.text, removed };
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Puts back every removed passage that holds one of `quotes` (the text of highlights that found no
 * place in the new text): a highlight never disappears into text the reader does not show.
 */
export function keepPassagesHolding(content: KeepableContent, quotes: readonly string[]): KeepableContent {
  let current = content;
  for (const quote of quotes.map(squash).filter(Boolean)) {
    const index = current.removed.findIndex((p) => squash(p.text).includes(quote));
    if (index >= 0) current = keepPassage(current, index);
  }
  return current;
}
