import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from '../support/fixtures';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';

const fixtures = resolve(import.meta.dirname, '..', 'fixtures', 'import');

/** A long article of our own, so that there is somewhere to scroll to. */
async function longArticle(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-long-'));
  const paragraphs = Array.from(
    { length: 120 },
    (_, i) =>
      `Paragraph ${i + 1}. The river authority counted barges at the northern lock every morning, ` +
      'and the ledger it kept became the only reliable record of how trade moved through the valley that year.',
  );
  const path = join(dir, 'lock-ledger.txt');
  await writeFile(path, `The Lock Ledger\n\n${paragraphs.join('\n\n')}\n`);
  return path;
}

test('imports a .txt and an .html file through the file picker and reads them', async ({ page, gloss }) => {
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(gloss.url);
  await library.import([join(fixtures, 'saved-page.txt'), join(fixtures, 'saved-page.html')]);

  await expect(library.articles.getByRole('listitem')).toHaveCount(2);
  // The saved-as-text page starts with navigation lines; its real title is found.
  await expect(library.articles).toContainText('Harbour Politics Reshape the Baltic Ferry Dispute');

  await library.open('Harbour Politics Reshape the Baltic Ferry Dispute');
  const article = reader.article('Harbour Politics Reshape the Baltic Ferry Dispute');
  await expect(article.getByText('The licence covered 1,400 sailings a year', { exact: false })).toBeVisible();
  await expect(article.locator('p', { hasText: 'Mayor Ilse Varga told reporters' })).toHaveCount(1);

  await reader.backToLibrary();
  await library.open('The Quiet Grain Corridor');
});

test('theme, font size and reading position are kept across a reload', async ({ page, gloss, browser }) => {
  await page.goto(gloss.url);
  await new LibraryPage(page).import([await longArticle()]);
  await new LibraryPage(page).open('The Lock Ledger');

  await page.getByRole('button', { name: 'Reading settings' }).first().click();
  const settings = page.getByRole('dialog', { name: 'Reading settings' });
  await settings.getByRole('radio', { name: 'Dark' }).check();
  const size = settings.getByRole('status', { name: 'Text size' }).or(settings.getByLabel('Text size'));
  const before = await size.first().textContent();
  await settings.getByRole('button', { name: 'Larger text' }).click();
  await settings.getByRole('button', { name: 'Larger text' }).click();
  await expect(size.first()).not.toHaveText(before ?? '');
  const chosenSize = await size.first().textContent();
  await page.keyboard.press('Escape');

  // Scroll to paragraph 60 and let the position be saved.
  await page.getByText('Paragraph 60.', { exact: false }).scrollIntoViewIfNeeded();
  await page.getByText('Paragraph 60.', { exact: false }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(1500);

  // A new browser context has no local cache: what it shows comes from the library.
  const context = await browser.newContext();
  const fresh = await context.newPage();
  await fresh.goto(gloss.url);
  await expect(fresh.locator('html')).toHaveAttribute('data-theme', 'dark');
  await new LibraryPage(fresh).open('The Lock Ledger');
  await fresh.getByRole('button', { name: 'Reading settings' }).first().click();
  await expect(fresh.getByRole('dialog', { name: 'Reading settings' }).getByLabel('Text size').first()).toHaveText(
    chosenSize ?? '',
  );
  await fresh.keyboard.press('Escape');
  const paragraph = fresh.getByText('Paragraph 60.', { exact: false });
  await expect
    .poll(async () => paragraph.evaluate((el) => Math.abs(el.getBoundingClientRect().top)), { timeout: 5000 })
    .toBeLessThan(300);
  await context.close();
});

test('a hostile page imports as inert text: nothing runs, nothing is fetched', async ({ page, gloss, requests }) => {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(gloss.url);
  await new LibraryPage(page).import([join(fixtures, 'hostile.html')]);
  const list = page.getByRole('list', { name: 'Articles' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list
    .getByRole('listitem')
    .first()
    .getByRole('link')
    .or(list.getByRole('listitem').first().getByRole('button'))
    .first()
    .click();
  await expect(page.getByRole('article', { name: 'Hostile Page' })).toBeVisible();
  await expect(page.getByText('Final paragraph with')).toBeVisible();
  await page.waitForTimeout(1000);

  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  const origin = new URL(gloss.url).origin;
  expect(
    requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')),
  ).toEqual([]);
  expect(
    await page
      .locator('article script, article iframe, article object, article embed, article form, article style')
      .count(),
  ).toBe(0);
});

test('pasting the same text twice offers "Import anyway", which adds a second copy', async ({ page, gloss }) => {
  await page.goto(gloss.url);
  const paste = async () => {
    await page.getByRole('button', { name: 'Paste', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste an article' });
    await dialog
      .getByRole('textbox', { name: 'Pasted text' })
      .fill('Quay Repairs\n\nThe council agreed to mend the lower quay before the autumn storms arrived.');
    await dialog.getByRole('button', { name: 'Add to library' }).click();
    await expect(dialog).toHaveCount(0);
  };
  const list = page.getByRole('list', { name: 'Articles' });
  await paste();
  await expect(list.getByRole('listitem').filter({ hasText: 'Quay Repairs' })).toHaveCount(1);
  await paste();
  const duplicate = page.getByRole('dialog', { name: 'Already in your library' });
  await expect(duplicate).toBeVisible();
  await duplicate.getByRole('button', { name: 'Import anyway' }).click();
  await expect(duplicate).toHaveCount(0);
  await expect(list.getByRole('listitem').filter({ hasText: 'Quay Repairs' })).toHaveCount(2);
});
