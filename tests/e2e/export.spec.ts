import { readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation, Article, ImportOutcome } from '../../main/model/contract';
import { test, expect } from '../support/fixtures';
import { callApi, type GlossServer } from '../support/gloss-server';
import { guardPage } from '../support/page-guard';

const fixtures = resolve(import.meta.dirname, '..', 'fixtures', 'entities');
const TITLE = 'The Harbour Council Votes on the New Pier';

/** Imports our harbour article and highlights one phrase with a note. */
async function annotatedArticle(gloss: GlossServer): Promise<{ article: Article; annotation: Annotation }> {
  const dataBase64 = (await readFile(resolve(fixtures, 'harbour-council.txt'))).toString('base64');
  const [outcome] = await callApi<ImportOutcome[]>(gloss, 'importFiles', {
    files: [{ name: 'harbour-council.txt', dataBase64 }],
  });
  if (outcome?.status !== 'imported') throw new Error(`fixture not imported: ${JSON.stringify(outcome)}`);
  const article = await callApi<Article>(gloss, 'getArticle', { id: outcome.article.id });
  const quote = 'the winter storms of 2019 had damaged the eastern wall';
  const start = article.text.indexOf(quote);
  const annotation = await callApi<Annotation>(gloss, 'createAnnotation', {
    articleId: article.id,
    start,
    end: start + quote.length,
    color: 'green',
    note: 'Ask for the 2019 inspection report.',
    tags: ['repairs'],
  });
  return { article, annotation };
}

async function openReader(page: Page, gloss: GlossServer): Promise<void> {
  await page.goto(gloss.url);
  const list = page.getByRole('list', { name: 'Articles' });
  await list
    .getByRole('link', { name: TITLE })
    .or(list.getByRole('button', { name: TITLE }))
    .first()
    .click();
  await expect(page.getByRole('article', { name: TITLE })).toBeVisible();
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('Export Markdown downloads the article with front matter, highlight and note', async ({ page, gloss }) => {
  const { article } = await annotatedArticle(gloss);
  const guard = await guardPage(page, gloss.origin);
  await openReader(page, gloss);

  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Markdown' });
  await expect(dialog.getByRole('radio', { name: 'Full article' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Include entities' })).toBeChecked();
  const file = await download(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());
  await expect(dialog).toBeHidden();

  expect(file.name).toMatch(/\.md$/);
  expect(file.text.startsWith('---\n')).toBe(true);
  expect(file.text).toContain(`id: "${article.id}"`);
  expect(file.text).toContain(`title: "${TITLE}"`);
  expect(file.text).toContain(`text_sha256: "${article.textSha256}"`);
  expect(file.text).toMatch(/==the winter storms of 2019 had damaged the eastern wall==.*\[\^1\]/);
  // The footnote: a meta line, then the note indented under it.
  expect(file.text).toMatch(/^\[\^1\]:(?:[^\n]|\n\n? {4})*Ask for the 2019 inspection report\./m);
  // Entities are on by default.
  expect(file.text).toContain('Margaret Thompson');
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible();
  // The download went through the page's CSP without a violation, error or stray request.
  await guard.assertClean('export download');
});

test('the dialog remembers highlights-only mode and exports a digest without entities', async ({ page, gloss }) => {
  await annotatedArticle(gloss);
  await openReader(page, gloss);

  await page.getByRole('button', { name: 'Export Markdown' }).click();
  let dialog = page.getByRole('dialog', { name: 'Export Markdown' });
  await expect(dialog.getByRole('radio', { name: 'Color' })).toBeDisabled();
  await dialog.getByRole('radio', { name: 'Highlights only' }).check();
  await expect(dialog.getByRole('radio', { name: 'Color' })).toBeEnabled();
  await dialog.getByRole('checkbox', { name: 'Include entities' }).uncheck();
  await expect(dialog.getByRole('checkbox', { name: 'Entities as [[wikilinks]]' })).toBeDisabled();
  const file = await download(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());

  expect(file.text).toMatch(/^> .*the winter storms of 2019 had damaged the eastern wall/m);
  expect(file.text).toContain('Ask for the 2019 inspection report.');
  expect(file.text).toContain('#repairs');
  expect(file.text).not.toContain('Margaret Thompson');

  await page.getByRole('button', { name: 'Export Markdown' }).click();
  dialog = page.getByRole('dialog', { name: 'Export Markdown' });
  await expect(dialog.getByRole('radio', { name: 'Highlights only' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Include entities' })).not.toBeChecked();
});

test('annotations export as W3C Web Annotation JSON-LD and come back in', async ({ page, gloss }) => {
  const { article, annotation } = await annotatedArticle(gloss);
  await openReader(page, gloss);

  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export Markdown' });
  const file = await download(page, () => dialog.getByRole('button', { name: 'Export annotations (JSON-LD)' }).click());
  const json = JSON.parse(file.text) as unknown;
  const text = JSON.stringify(json);
  expect(text).toContain('http://www.w3.org/ns/anno.jsonld');
  expect(text).toContain('TextQuoteSelector');
  expect(text).toContain(annotation.target.selector[1].exact);

  // Delete the highlight, then bring it back from the file.
  await callApi(gloss, 'deleteAnnotation', { articleId: article.id, id: annotation.id });
  const path = `${gloss.libraryDir}-annotations.jsonld`;
  await writeFile(path, file.text);
  await page.getByRole('button', { name: 'Export Markdown' }).click();
  const again = page.getByRole('dialog', { name: 'Export Markdown' });
  const chooser = page.waitForEvent('filechooser');
  await again.getByRole('button', { name: 'Import annotations (JSON-LD)…' }).click();
  await (await chooser).setFiles(path);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 annotation.' })).toBeVisible();
  const back = await callApi<Annotation[]>(gloss, 'listAnnotations', { articleId: article.id });
  expect(back.map((a) => [a.target.selector[1].exact, a.body.color, a.body.note])).toEqual([
    [annotation.target.selector[1].exact, 'green', 'Ask for the 2019 inspection report.'],
  ]);
  await rm(path, { force: true });
});

test('updating an earlier export takes in what was edited in it and says so', async ({ page, gloss }) => {
  const { article } = await annotatedArticle(gloss);
  await openReader(page, gloss);

  await page.getByRole('button', { name: 'Export Markdown' }).click();
  let dialog = page.getByRole('dialog', { name: 'Export Markdown' });
  await dialog.getByRole('radio', { name: 'Full article' }).check();
  const first = await download(page, () => dialog.getByRole('button', { name: 'Export', exact: true }).click());

  // Edited in Obsidian: the note rewritten, a new highlight, a thought typed into the body.
  const edited = first.text
    .replace('Ask for the 2019 inspection report.', 'Inspection report received.')
    .replace('4,000 residents had signed the petition', '==4,000 residents had signed the petition==')
    .replace('%% gloss:body-start %%\n', '%% gloss:body-start %%\n\nA thought of mine.\n');
  const path = `${gloss.libraryDir}-earlier.md`;
  await writeFile(path, edited);

  await page.getByRole('button', { name: 'Export Markdown' }).click();
  dialog = page.getByRole('dialog', { name: 'Export Markdown' });
  const chooser = page.waitForEvent('filechooser');
  const pending = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Update an earlier export…' }).click();
  await (await chooser).setFiles(path);
  const again = await readFile(await (await pending).path(), 'utf8');

  await expect(
    page.getByRole('status').filter({
      hasText:
        `Exported “${TITLE}” as ${first.name}, taking in your edits: 1 edited highlight, 1 new highlight; ` +
        'your earlier file keeps the text Gloss could not take in.',
    }),
  ).toBeVisible();
  expect(again).toContain('Inspection report received.');
  expect(again).toContain('==4,000 residents had signed the petition==');
  const back = await callApi<Annotation[]>(gloss, 'listAnnotations', { articleId: article.id });
  expect(back.map((a) => [a.target.selector[1].exact, a.body.note]).sort()).toEqual([
    ['4,000 residents had signed the petition', ''],
    ['the winter storms of 2019 had damaged the eastern wall', 'Inspection report received.'],
  ]);
  await rm(path, { force: true });
});
