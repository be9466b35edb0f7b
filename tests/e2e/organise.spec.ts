// Organising the library as a reader with many articles does: selecting
// several, tagging them, filing them away, exporting them as a vault.
import { strFromU8, unzipSync } from 'fflate';
import { test, expect } from '../support/fixtures';
import { importText } from '../support/annotations-helpers';
import type { GlossServer } from '../support/gloss-server';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';

const TITLES = ['Harbour Dues', 'Canal Tolls', 'River Pilots', 'Lock Keepers'];

/** Four short articles of our own, imported oldest first, so the list shows them newest first. */
async function fourArticles(gloss: GlossServer): Promise<void> {
  for (const [i, title] of TITLES.entries()) {
    await importText(gloss, `a${i}.txt`, `${title}\n\nThe ${title.toLowerCase()} were set by the board in March.\n`);
  }
}

test('two articles are tagged together, and the tag filters the library', async ({ page, gloss }) => {
  await fourArticles(gloss);
  const library = new LibraryPage(page);
  await library.goto(gloss);

  await library.select('Harbour Dues');
  await library.select('River Pilots');
  await expect(library.selectionBar).toContainText('2 selected');
  await library.tagSelection(['ports']);
  await expect(library.notifications).toContainText('Tagged 2 articles #ports.');
  await expect(library.row('Harbour Dues')).toContainText('#ports');

  await library.search('tag:ports');
  await expect(library.articles.getByRole('listitem')).toHaveCount(2);
  await expect(library.row('Harbour Dues')).toBeVisible();
  await expect(library.row('River Pilots')).toBeVisible();
});

test('three articles selected with a Shift-click are exported as a vault', async ({ page, gloss }) => {
  await fourArticles(gloss);
  const library = new LibraryPage(page);
  await library.goto(gloss);

  // Newest first: Lock Keepers, River Pilots, Canal Tolls, Harbour Dues.
  await library.select('Lock Keepers');
  await library.select('Canal Tolls', { shift: true });
  await expect(library.selectionBar).toContainText('3 selected');

  const zip = unzipSync(await library.exportSelectionAsVault());
  const names = Object.keys(zip).sort();
  expect(names).toEqual(['Gloss vault/Canal Tolls.md', 'Gloss vault/Lock Keepers.md', 'Gloss vault/River Pilots.md']);
  expect(strFromU8(zip['Gloss vault/River Pilots.md']!)).toContain('The river pilots were set by the board');
  await expect(library.notifications).toContainText('Exported 3 articles as a vault');
});

test('archiving from the keyboard files articles away, and Undo brings them back', async ({ page, gloss }) => {
  await fourArticles(gloss);
  const library = new LibraryPage(page);
  await library.goto(gloss);

  await library.article('Lock Keepers').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(library.selectionBar).toContainText('2 selected');
  await page.keyboard.press('e');
  await expect(library.notifications).toContainText('Archived 2 articles.');
  await expect(library.articles.getByRole('listitem')).toHaveCount(2);

  await library.showShelf('Archive');
  await expect(library.row('Lock Keepers')).toBeVisible();
  await expect(library.row('River Pilots')).toBeVisible();
  await expect(library.articles.getByRole('listitem')).toHaveCount(2);

  await library.notifications.getByRole('button', { name: 'Undo' }).click();
  await expect(library.articles).toHaveCount(0);
  await library.showShelf('Inbox');
  await expect(library.articles.getByRole('listitem')).toHaveCount(4);
});

test('a favorite is kept on its own shelf, and an opened article is no longer new', async ({ page, gloss }) => {
  await fourArticles(gloss);
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await library.goto(gloss);

  await library.row('Canal Tolls').getByRole('button', { name: 'Favorite' }).click();
  await expect(library.row('Canal Tolls').getByRole('button', { name: 'Favorite' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await library.showShelf('Favorites');
  await expect(library.articles.getByRole('listitem')).toHaveCount(1);

  const progress = library.row('Canal Tolls').getByRole('progressbar', { name: 'Reading progress' });
  await expect(progress).toHaveAttribute('aria-valuetext', 'New');
  await library.open('Canal Tolls');
  await reader.backToLibrary();
  await library.showShelf('Favorites');
  await expect(progress).not.toHaveAttribute('aria-valuetext', 'New');
});

test('from inside an article, it is archived with a button and made a favorite with f, each with Undo', async ({
  page,
  gloss,
}) => {
  await fourArticles(gloss);
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await library.goto(gloss);
  await library.open('River Pilots');

  await reader.toolbarButton('Archive').click();
  await expect(reader.notifications).toContainText('Archived.');
  await expect(reader.toolbarButton('Move to Inbox')).toBeVisible();
  await page.keyboard.press('f');
  await expect(reader.notifications).toContainText('Added to Favorites.');
  await expect(reader.toolbarButton('Favorite')).toHaveAttribute('aria-pressed', 'true');
  await reader.notifications.getByRole('button', { name: 'Undo' }).last().click();
  await expect(reader.toolbarButton('Favorite')).toHaveAttribute('aria-pressed', 'false');

  await reader.backToLibrary();
  await expect(library.articles.getByRole('listitem')).toHaveCount(3);
  await library.showShelf('Archive');
  await expect(library.row('River Pilots')).toBeVisible();
  await library.showShelf('Favorites');
  await expect(library.articles).toHaveCount(0);
});

test('several articles are deleted at once, and Undo restores them all', async ({ page, gloss }) => {
  await fourArticles(gloss);
  const library = new LibraryPage(page);
  await library.goto(gloss);

  await library.article('Lock Keepers').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(library.selectionBar).toContainText('4 selected');
  await library.select('Harbour Dues');
  await library.selectionBar.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete 3 articles?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(library.articles.getByRole('listitem')).toHaveCount(1);
  await expect(library.notifications).toContainText('Deleted 3 articles.');

  await library.notifications.getByRole('button', { name: 'Undo' }).click();
  await expect(library.articles.getByRole('listitem')).toHaveCount(4);
});
