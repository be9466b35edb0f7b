import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from '../support/fixtures';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';

const readerMode = resolve(import.meta.dirname, '..', 'fixtures', 'import', 'reader-mode');
const TITLE = 'A Tram Line Splits a River Town Down the Middle';
const STANDFIRST = 'The council wants rails on the old bridge by 2028.';
const CAPTION = 'Workers measure the deck of the Weir Bridge in Lindqvist on a grey February morning.';
const RELATED = 'Related: Three towns that tried trams and what happened next';

test('a page saved as text opens as the article, and a removed line can be brought back', async ({ page, gloss }) => {
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(gloss.url);
  await library.import([join(readerMode, 'tram-line-saved-as-text.txt')]);
  await library.open(TITLE);

  const article = reader.article(TITLE);
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(article.getByText('By Agnes Holloway')).toHaveCount(0);
  await expect(article.getByText('Agnes Holloway', { exact: true })).toBeVisible(); // the byline, above
  await expect(article.getByText(STANDFIRST, { exact: false })).toHaveCount(1);
  await expect(article.locator('figcaption')).toContainText(CAPTION);
  await expect(article.locator('figcaption')).toContainText('Credit: Harbour Desk Photo Service');
  for (const junk of ['Skip to main content', 'Home | Cities | Transport | Europe', 'Advertisement', 'Share on X']) {
    await expect(article.getByText(junk, { exact: true })).toHaveCount(0);
  }
  await expect(article.getByText(RELATED)).toHaveCount(0);

  await reader.showWhatWasRemoved();
  await expect(reader.removedPassages.getByText('Advertisement', { exact: true })).toBeVisible();
  await reader.keepRemovedParagraph(RELATED);
  await expect(page.getByText('The paragraph is back in the article.')).toBeVisible();
  // Back where it stood: after Henrik Sand's quote, before the director's answer.
  const paragraphs = article.locator('.article-body p');
  const texts = await paragraphs.allTextContents();
  const at = texts.findIndex((t) => t.includes(RELATED));
  expect(at).toBeGreaterThan(0);
  expect(texts[at - 1]).toContain('Nobody here is against the tram');
  expect(texts[at + 1]).toContain('Maja Ekström');

  // It stays after a reload (which reopens the article being read), and is no longer among the removed passages.
  await page.reload();
  await expect(reader.article(TITLE).getByText(RELATED)).toHaveCount(1);
  await reader.showWhatWasRemoved();
  await expect(reader.removedPassages.getByText(RELATED)).toHaveCount(0);
});

test('a page with almost no text imports with a visible warning, and its source address can be set', async ({
  page,
  gloss,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-few-'));
  const path = join(dir, 'stub.html');
  await writeFile(path, '<!doctype html><title>Stub page</title><nav>Home About</nav><p>Coming soon.</p>');
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(gloss.url);
  await library.import([path]);

  const warnings = page.getByRole('status').filter({ has: page.getByRole('list', { name: 'Import warnings' }) });
  await expect(warnings).toContainText('Imported with a warning');
  await expect(warnings).toContainText('has almost no readable text');
  await library.open('Stub page');

  await reader.editDetails({ 'Source address': 'https://example.org/stub' });
  await expect(reader.article('Stub page').getByRole('link', { name: 'example.org' })).toBeVisible();
  await page.reload();
  await expect(reader.article('Stub page').getByRole('link', { name: 'example.org' })).toBeVisible();
});
