// Helpers for the annotation and find e2e specs: put an article of our own in
// the library through the API, open it, and select a phrase with the mouse.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { Annotation, ImportOutcome } from '../../main/model/contract';
import { callApi, type GlossServer } from './gloss-server';

export async function importText(gloss: GlossServer, name: string, text: string): Promise<string> {
  const [outcome] = await callApi<ImportOutcome[]>(gloss, 'importFiles', {
    files: [{ name, dataBase64: Buffer.from(text, 'utf8').toString('base64') }],
  });
  if (outcome?.status !== 'imported') throw new Error(`import of ${name} failed: ${JSON.stringify(outcome)}`);
  return outcome.article.id;
}

export async function importFile(gloss: GlossServer, path: string): Promise<string> {
  const name = path.split('/').at(-1) ?? 'file.txt';
  return importText(gloss, name, await readFile(path, 'utf8'));
}

export async function openReader(page: Page, gloss: GlossServer, id: string): Promise<void> {
  await page.goto(`${gloss.origin}/?article=${encodeURIComponent(id)}#token=${gloss.token}`);
  await page.locator('.article-body').waitFor();
}

export function listAnnotations(gloss: GlossServer, articleId: string): Promise<Annotation[]> {
  return callApi<Annotation[]>(gloss, 'listAnnotations', { articleId });
}

export async function annotate(
  gloss: GlossServer,
  articleId: string,
  text: string,
  phrase: string,
  color = 'yellow',
): Promise<Annotation> {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in the text`);
  return callApi<Annotation>(gloss, 'createAnnotation', { articleId, start, end: start + phrase.length, color });
}

interface PhraseBox {
  startX: number;
  startY: number;
  endX: number;
  endY: number;
  midX: number;
  midY: number;
}

/** Where a phrase of the article body sits on screen (first occurrence, first and last character boxes). */
export async function phraseBox(page: Page, phrase: string): Promise<PhraseBox> {
  const box = await page.evaluate((wanted) => {
    const root = document.querySelector('.article-body');
    if (!root) return null;
    const text = root.textContent ?? '';
    const at = text.indexOf(wanted);
    if (at < 0) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const locate = (offset: number): [Node, number] => {
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = (n as Text).data.length;
        if (offset < seen + len) return [n, offset - seen];
        seen += len;
      }
      throw new Error('offset past the end');
    };
    const charRect = (offset: number) => {
      walker.currentNode = root;
      const [node, o] = locate(offset);
      const r = document.createRange();
      r.setStart(node, o);
      r.setEnd(node, o + 1);
      return r.getBoundingClientRect();
    };
    const first = charRect(at);
    const last = charRect(at + wanted.length - 1);
    const mid = charRect(at + Math.floor(wanted.length / 2));
    return {
      startX: first.left + 1,
      startY: first.top + first.height / 2,
      endX: last.right - 1,
      endY: last.top + last.height / 2,
      midX: mid.left + mid.width / 2,
      midY: mid.top + mid.height / 2,
    };
  }, phrase);
  if (!box) throw new Error(`"${phrase}" is not on the page`);
  return box;
}

/** Drags the mouse across a phrase, as a reader would. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const box = await phraseBox(page, phrase);
  await page.mouse.move(box.startX, box.startY);
  await page.mouse.down();
  await page.mouse.move((box.startX + box.endX) / 2, (box.startY + box.endY) / 2, { steps: 4 });
  await page.mouse.move(box.endX, box.endY, { steps: 4 });
  await page.mouse.up();
}

export async function clickPhrase(page: Page, phrase: string): Promise<void> {
  const box = await phraseBox(page, phrase);
  await page.mouse.click(box.midX, box.midY);
}
