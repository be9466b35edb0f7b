// Where the keyboard is after the screen changes: on the article just read,
// on the article just imported, and never sent away by a stray Escape.
import { test, expect } from '../support/fixtures';
import { importText } from '../support/annotations-helpers';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';

async function threeArticles(gloss: Parameters<typeof importText>[0]): Promise<void> {
  for (const [name, title] of [
    ['locks.txt', 'The Lock Keepers'],
    ['tides.txt', 'Tide Tables'],
    ['quay.txt', 'Quay Repairs'],
  ]) {
    await importText(
      gloss,
      name!,
      `${title}\n\nA page about ${title!.toLowerCase()} and the people who look after them.`,
    );
  }
}

test('back to the library, by Escape or b, puts focus on the article just read', async ({ page, gloss }) => {
  await threeArticles(gloss);
  const library = new LibraryPage(page);
  await library.goto(gloss);
  // Recently added first: Quay Repairs, Tide Tables, The Lock Keepers.
  await library.open('Tide Tables');
  await page.keyboard.press('Escape');
  await expect(library.article('Tide Tables')).toBeFocused();
  // The arrow keys carry on from there.
  await page.keyboard.press('ArrowDown');
  await expect(library.article('The Lock Keepers')).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'The Lock Keepers' })).toBeVisible();
  await page.keyboard.press('b');
  await expect(library.article('The Lock Keepers')).toBeFocused();

  // The toolbar's button and the browser's Back button too.
  await library.open('Quay Repairs');
  await new ReaderPage(page).backToLibrary();
  await expect(library.article('Quay Repairs')).toBeFocused();
  await library.open('Tide Tables');
  await page.goBack();
  await expect(library.article('Tide Tables')).toBeFocused();
});

test('after an import, the new article has the focus', async ({ page, gloss }) => {
  await threeArticles(gloss);
  const library = new LibraryPage(page);
  await library.goto(gloss);
  await library.paste('Harbour Lights\n\nThe lights on the outer mole were replaced with lamps that last ten years.');
  await expect(library.article('Harbour Lights')).toBeFocused();

  await library.importFiles([
    {
      name: 'ferry.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Ferry Timetable\n\nThe first ferry leaves at six.'),
    },
  ]);
  await expect(library.article('Ferry Timetable')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Ferry Timetable' })).toBeVisible();
});

test('an Escape just after a dialog closed by itself does not leave the article', async ({ page, gloss }) => {
  const id = await importText(gloss, 'tides.txt', 'Tide Tables\n\nSpring tides come twice a month.');
  const reader = new ReaderPage(page);
  await reader.goto(gloss, id);

  await reader.toolbarButton('Edit details').click();
  const dialog = page.getByRole('dialog', { name: 'Edit details' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Tide Tables for 2026');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // The habit: Escape to close the dialog that already closed.
  await page.keyboard.press('Escape');
  await expect(reader.article('Tide Tables for 2026')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(reader.article('Tide Tables for 2026')).toBeVisible();
  // A second Escape is meant: it goes back.
  await page.keyboard.press('Escape');
  await expect(new LibraryPage(page).article('Tide Tables for 2026')).toBeFocused();

  // A dialog closed with Escape leaves nothing stray: the next Escape goes back at once.
  await page.keyboard.press('Enter');
  await reader.toolbarButton('Edit details').click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(new LibraryPage(page).article('Tide Tables for 2026')).toBeFocused();
});
