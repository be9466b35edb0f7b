// Hostile content: our own corpus of payloads (tests/fixtures/hostile), imported
// through the real import path (file picker, paste dialog, API) and rendered in
// Chromium in browser mode. Nothing may execute, nothing may leave the page, and
// every article still reads as inert text. Notes and tags get the same payloads.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation } from '../../main/model/contract';
import { clickPhrase, importText, openReader } from '../support/annotations-helpers';
import { test, expect } from '../support/fixtures';
import { callApi, type GlossServer } from '../support/gloss-server';
import { activeMarkup, guardPage, type PageGuard } from '../support/page-guard';

const HOSTILE = resolve(import.meta.dirname, '..', 'fixtures', 'hostile');

/** Each file, its title, and words from its first and last paragraphs that must be visible. */
const CORPUS = [
  {
    file: 'markup-payloads.html',
    title: 'Hostile Markup Field Guide',
    first: 'Field guide opening paragraph',
    last: 'Final field guide paragraph',
  },
  {
    file: 'mutation-shapes.html',
    title: 'Mutation Shapes Notebook',
    first: 'Notebook opening paragraph',
    last: 'Final notebook paragraph',
  },
  {
    file: 'css-and-trackers.html',
    title: 'Stylesheets That Phone Home',
    first: 'Stylesheet opening paragraph',
    last: 'Final stylesheet paragraph',
  },
  {
    file: 'link-tricks.md',
    title: 'Markdown Link Tricks',
    first: 'Markdown opening paragraph',
    last: 'Final Markdown paragraph',
  },
  {
    file: 'script-as-text.txt',
    title: 'Script Words In Plain Text',
    first: 'Plain text opening paragraph',
    last: 'Final plain text paragraph',
  },
] as const;

const articleList = (page: Page) => page.getByRole('list', { name: 'Articles' });

async function openFromLibrary(page: Page, title: string): Promise<void> {
  const row = articleList(page).getByRole('listitem').filter({ hasText: title });
  await row
    .getByRole('link')
    .or(row.getByRole('button', { name: title }))
    .first()
    .click();
  await expect(page.getByRole('article', { name: title })).toBeVisible();
}

/** Opens the article, pokes at it as a reader would, and checks that it is inert. */
async function checkArticle(page: Page, guard: PageGuard, item: (typeof CORPUS)[number], how: string): Promise<void> {
  const article = page.getByRole('article', { name: item.title });
  await expect(article.getByText(item.first, { exact: false })).toBeVisible();
  await expect(article.getByText(item.last, { exact: false })).toBeAttached();
  // Handlers that wait for the pointer or focus.
  await article.hover();
  await article.getByText(item.first, { exact: false }).click();
  await page.keyboard.press('Tab');
  await page.mouse.wheel(0, 4000);
  expect(await activeMarkup(page, '.article-body'), `active markup left in ${item.file} (${how})`).toEqual([]);
  await guard.assertClean(`${item.file}, ${how}`);
}

test('hostile files imported through the file picker render as inert text', async ({ page, gloss }) => {
  const guard = await guardPage(page, gloss.origin);
  await page.goto(gloss.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  await (await chooser).setFiles(CORPUS.map((c) => join(HOSTILE, c.file)));
  await expect(articleList(page).getByRole('listitem')).toHaveCount(CORPUS.length, { timeout: 45_000 });
  // The import problem list stays empty: every hostile file is an article.
  await expect(page.getByRole('alert').filter({ hasText: 'could not' })).toHaveCount(0);
  await guard.assertClean('library after import');

  for (const item of CORPUS) {
    await openFromLibrary(page, item.title);
    await checkArticle(page, guard, item, 'file picker');
    await page.getByRole('button', { name: 'Back to library' }).first().click();
    await expect(articleList(page)).toBeVisible();
  }

  // Markup in a .txt file is shown exactly as written.
  await openFromLibrary(page, 'Script Words In Plain Text');
  await expect(page.getByText(`<script>window.__pwned='txt-script'; alert('txt-script')</script>`)).toBeVisible();
  // Find wraps matches in <mark> over the payload text, and the Entities tab lists what it found: still inert.
  await page.locator('.reader__scroll').focus();
  await page.keyboard.press('Control+f');
  const find = page
    .getByRole('search', { name: 'Find in article' })
    .getByRole('searchbox', { name: 'Find in article' });
  for (const term of ['onerror', '<script>', 'javascript:']) {
    await find.fill(term);
    await expect(page.locator('.article-body mark').first()).toBeAttached();
  }
  expect(await activeMarkup(page, '.article-body')).toEqual([]);
  await page.getByRole('tab', { name: 'Entities' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Entities' })).toBeVisible();
  await guard.assertClean('find and entities over the .txt payloads');
  await page.keyboard.press('Escape');
  // Link words in Markdown stay as words; the dangerous targets are gone.
  await page.getByRole('button', { name: 'Back to library' }).first().click();
  await openFromLibrary(page, 'Markdown Link Tricks');
  const md = page.getByRole('article', { name: 'Markdown Link Tricks' });
  for (const words of [
    'js link words',
    'obfuscated link words',
    'data link words',
    'vbscript link words',
    'file link words',
    'reference link words',
  ]) {
    await expect(md.getByText(words)).toBeVisible();
  }
  expect(await md.locator('.article-body a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(
    expect.arrayContaining(['https://safe.example/article']),
  );
  // The app itself still works after the DOM-clobbering article: navigation, the list, the filter box.
  await page.getByRole('button', { name: 'Back to library' }).first().click();
  await page
    .getByRole('searchbox', { name: 'Filter articles' })
    .or(page.getByRole('textbox', { name: 'Filter articles' }))
    .first()
    .fill('Mutation');
  await expect(articleList(page).getByRole('listitem')).toHaveCount(1);
  await guard.assertClean('library at the end');
});

test('links: only https and mailto offer to leave, after showing the whole address', async ({
  page,
  gloss,
  context,
}) => {
  const guard = await guardPage(page, gloss.origin);
  const html = await readFile(join(HOSTILE, 'link-clicks.html'), 'utf8');
  const id = await importText(gloss, 'link-clicks.html', html);
  await openReader(page, gloss, id);
  const article = page.getByRole('article', { name: 'Where Links Lead' });
  await expect(article).toBeVisible();
  const pagesBefore = context.pages().length;
  const url = page.url();

  for (const words of ['local file words', 'script link words', 'data link words']) {
    await article.getByText(words).click();
    await article.getByText(words).click({ button: 'middle' });
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await article.getByText('plain http words').click();
  await expect(page.getByText('Gloss opens only https and email links', { exact: false })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await article.getByText('secure link words').click();
  const confirm = page.getByRole('dialog', { name: 'Open this link in your browser?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('https://secure.example/a/long/path?query=value&other=2#fragment');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await article.getByText('secure link words').click({ button: 'middle' });
  await expect(page.getByRole('dialog', { name: 'Open this link in your browser?' })).toBeVisible();
  await page.keyboard.press('Escape');

  await article.getByText('mail link words').click();
  const mail = page.getByRole('dialog', { name: 'Write an email?' });
  await expect(mail).toContainText('mailto:editor@example.org');
  await mail.getByRole('button', { name: 'Cancel' }).click();

  expect(page.url()).toBe(url);
  expect(context.pages().length).toBe(pagesBefore);
  await guard.assertClean('link clicks');
});

/** Puts HTML and text on a synthetic clipboard and pastes it into the Paste dialog's text box. */
async function pasteIntoDialog(page: Page, data: { html?: string; text: string }): Promise<void> {
  await page.getByRole('button', { name: 'Paste', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  const box = dialog.getByRole('textbox', { name: 'Pasted text' });
  await box.evaluate((el, d) => {
    const transfer = new DataTransfer();
    if (d.html) transfer.setData('text/html', d.html);
    transfer.setData('text/plain', d.text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  // The dialog closes when the import is done; the first one also starts the import worker (jsdom,
  // Readability), which took over 10 s once on a loaded 2-core machine.
  await expect(dialog).toHaveCount(0, { timeout: 30_000 });
}

test('the same payloads pasted from the clipboard are inert', async ({ page, gloss }) => {
  const guard = await guardPage(page, gloss.origin);
  await page.goto(gloss.url);
  for (const file of ['markup-payloads.html', 'mutation-shapes.html', 'css-and-trackers.html']) {
    const html = await readFile(join(HOSTILE, file), 'utf8');
    const item = CORPUS.find((c) => c.file === file)!;
    await pasteIntoDialog(page, { html, text: `${item.title}\n\n${item.first}` });
    await expect(articleList(page).getByRole('listitem').filter({ hasText: item.title })).toHaveCount(1);
    await guard.assertClean(`paste of ${file}`);
  }
  // Plain text typed or pasted without HTML: markup stays characters.
  const text = await readFile(join(HOSTILE, 'script-as-text.txt'), 'utf8');
  await page.getByRole('button', { name: 'Paste', exact: true }).click();
  await page.getByRole('dialog', { name: 'Paste an article' }).getByRole('textbox', { name: 'Pasted text' }).fill(text);
  await page.getByRole('dialog', { name: 'Paste an article' }).getByRole('button', { name: 'Add to library' }).click();
  await expect(articleList(page).getByRole('listitem')).toHaveCount(4);

  for (const item of CORPUS.filter((c) => c.file !== 'link-tricks.md')) {
    await openFromLibrary(page, item.title);
    await checkArticle(page, guard, item, 'paste');
    await page.getByRole('button', { name: 'Back to library' }).first().click();
  }
});

const HOSTILE_NOTES = [
  `</mark><script>window.__pwned='note-script'</script> closing mark trick`,
  `<img src=x onerror="window.__pwned='note-img'"> image handler note`,
  `[javascript note link](javascript:window.__pwned='note-js') and [data note link](data:text/html,<script>alert('note-data')</script>) and [vb note link](vbscript:msgbox(1))`,
  `![tracker note image](https://attacker.example/note-image.png) <svg onload="window.__pwned='note-svg'"></svg> svg note`,
  `<form><math><mtext></form><form><mglyph><style></math><img src onerror="window.__pwned='note-mxss'"> mutation note`,
  `<style>*{background:url(https://attacker.example/note-style)}</style><a href="https://attacker.example/x" style="background:url(https://attacker.example/note-inline)">styled note link</a>`,
  `<img name="createElement"><form id="__proto__"></form><a id="root">clobbering note</a> [https note link](https://attacker.example/note-link)`,
];
const HOSTILE_TAGS = [
  `<img src=x onerror=window.__pwned='tag-img'>`,
  `"><script>alert('tag')</script>`,
  'javascript:alert(1)',
  '__proto__',
  'constructor',
];
const NOTE_ARTICLE = [
  'Annotated Harbour Diary',
  '',
  ...Array.from(
    { length: HOSTILE_NOTES.length },
    (_, i) =>
      `Entry ${i + 1}: the harbour diary records ferry number ${i + 11} leaving the quay at dawn with a full deck.`,
  ),
  '',
].join('\n\n');

async function annotateHostile(gloss: GlossServer, id: string): Promise<Annotation[]> {
  const out: Annotation[] = [];
  // Offsets index into the article's canonical text (the file after reader mode), not the file.
  const { text } = await callApi<{ text: string }>(gloss, 'getArticle', { id });
  for (let i = 0; i < HOSTILE_NOTES.length; i++) {
    const phrase = `ferry number ${i + 11}`;
    const start = text.indexOf(phrase);
    const tags = i < HOSTILE_TAGS.length ? [HOSTILE_TAGS[i]!] : [];
    out.push(
      await callApi<Annotation>(gloss, 'createAnnotation', {
        articleId: id,
        start,
        end: start + phrase.length,
        color: 'pink',
        note: HOSTILE_NOTES[i],
        tags,
      }),
    );
  }
  await callApi(gloss, 'setArticleNote', { id, note: HOSTILE_NOTES.join('\n\n') });
  return out;
}

test('hostile notes and tags are inert in the sidebar, the highlight popover and the library view', async ({
  page,
  gloss,
}) => {
  const guard = await guardPage(page, gloss.origin);
  const id = await importText(gloss, 'harbour-diary.txt', NOTE_ARTICLE);
  const created = await annotateHostile(gloss, id);
  // The API keeps what the user wrote, character for character.
  expect(created.map((a) => a.body.note)).toEqual(HOSTILE_NOTES);

  await openReader(page, gloss, id);
  const sidebar = page.getByRole('complementary', { name: 'Article sidebar' });
  const list = sidebar.getByRole('list', { name: 'Highlights' });
  await expect(list.locator(':scope > li')).toHaveCount(HOSTILE_NOTES.length);
  // Notes render as text: the payload words are there, their markup is not.
  await expect(list).toContainText('closing mark trick');
  await expect(list).toContainText('javascript note link');
  await expect(list).toContainText('clobbering note');
  // Tags show as the text they were stored as (spaces become hyphens), after a #.
  for (const tag of created.flatMap((a) => a.body.tags).slice(0, 3))
    await expect(list.getByText(`#${tag}`, { exact: true }).first()).toBeVisible();
  expect(await activeMarkup(page, 'aside .note-markdown')).toEqual([]);
  await guard.assertClean('annotations sidebar');

  // The article note, open at the top of the article.
  await expect(page.getByRole('textbox', { name: 'Article note' })).toHaveValue(HOSTILE_NOTES.join('\n\n'));

  // The popover of each highlight, with its note preview.
  for (let i = 0; i < HOSTILE_NOTES.length; i++) {
    const phrase = `ferry number ${i + 11}`;
    await page.locator('.article-body').getByText(phrase, { exact: false }).scrollIntoViewIfNeeded();
    await clickPhrase(page, phrase);
    const popover = page.getByRole('dialog', { name: 'Highlight' });
    await expect(popover).toBeVisible();
    await expect(popover.getByRole('textbox', { name: 'Note' })).toHaveValue(HOSTILE_NOTES[i]!);
    const preview = popover.getByRole('button', { name: 'Preview' });
    if (await preview.count()) await preview.click();
    expect(
      await activeMarkup(page, '[role="dialog"][aria-label="Highlight"] .note-markdown'),
      `popover ${i + 1}`,
    ).toEqual([]);
    await guard.assertClean(`highlight popover ${i + 1}`);
    await page.keyboard.press('Escape');
    await expect(popover).toHaveCount(0);
  }

  // A link in a note never takes the app window (or a new tab) anywhere: https
  // asks first, showing the whole address, like a link in the article.
  const url = page.url();
  for (const [words, target] of [['https note link', 'https://attacker.example/note-link']] as const) {
    for (const button of ['left', 'middle'] as const) {
      await list.getByText(words).first().click({ button });
      const confirm = page.getByRole('dialog', { name: 'Open this link in your browser?' });
      await expect(confirm).toContainText(target);
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect(confirm).toHaveCount(0);
    }
  }
  // Raw HTML links in notes are text, and refused schemes are not links at all.
  await list.getByText('styled note link').first().click();
  await list.getByText('javascript note link').first().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(url);
  await guard.assertClean('clicks on note links');

  // The library-wide view of highlights and notes, and its search.
  await page.getByRole('button', { name: 'Back to library' }).first().click();
  await page.getByRole('tab', { name: 'Highlights' }).click();
  const group = page.getByRole('region', { name: 'Annotated Harbour Diary' });
  await expect(group.getByRole('listitem').filter({ hasText: 'ferry number' })).toHaveCount(HOSTILE_NOTES.length);
  await page.getByRole('searchbox', { name: 'Search highlights and notes' }).fill('onerror');
  await expect(group.getByRole('listitem').first()).toBeVisible();
  expect(await activeMarkup(page, '.library .note-markdown')).toEqual([]);
  await guard.assertClean('library highlights view');
});
