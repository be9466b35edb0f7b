// The smaller things a new user meets: messages, labels, colors.
import { test, expect } from '../support/fixtures';
import { importText, selectPhrase } from '../support/annotations-helpers';
import { callApi } from '../support/gloss-server';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';
import { drawnAfter } from './pages/text';

const RLO = '\u202E';

test('an import problem names the file once', async ({ page, gloss }) => {
  const library = new LibraryPage(page);
  await library.goto(gloss);
  await library.importFiles([{ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }]);
  const problem = page.getByRole('list', { name: 'Import problems' }).getByRole('listitem');
  await expect(problem).toContainText('"empty.txt" is empty.');
  await expect(problem).not.toContainText('empty.txt:');
});

test('bidi controls in a title, a site or a file name cannot reorder the words around them', async ({
  page,
  gloss,
}) => {
  const id = await importText(gloss, 'spoof.txt', `Quarterly ${RLO}sales report\n\nThe figures for the quarter.`);
  await callApi(gloss, 'updateArticleMeta', { id, patch: { site: `${RLO}Harbour Press` } });
  const title = `Quarterly ${RLO}sales report`;

  const library = new LibraryPage(page);
  await library.goto(gloss);
  // The row's facts: "‮Harbour Press · Added … · 5 words · 1 min read".
  await expect(library.row(title)).toContainText('Added');
  expect(await drawnAfter(library.row(title), 'Added', 'words'), 'the facts after the site').toBe(true);

  await library.deleteArticle(title);
  const toast = library.notifications.getByText(/^Deleted “/);
  await expect(toast).toBeVisible();
  expect(await drawnAfter(toast, 'report', '.'), 'the toast after the title').toBe(true);

  await library.importFiles([{ name: `${RLO}report.txt`, mimeType: 'text/plain', buffer: Buffer.alloc(0) }]);
  const problem = page.getByRole('list', { name: 'Import problems' }).getByRole('listitem');
  await expect(problem).toContainText('is empty');
  expect(await drawnAfter(problem, 'report', 'empty'), 'the message after the file name').toBe(true);
});

test('the find bar has one × — its Close button — and the search field keeps its text', async ({ page, gloss }) => {
  const id = await importText(
    gloss,
    'locks.txt',
    'The Lock Keepers\n\nThe lock at Marden opens at six; its keeper logs every barge.',
  );
  const reader = new ReaderPage(page);
  await reader.goto(gloss, id);
  const field = await reader.openFind();
  await field.fill('barge');
  await expect(reader.findBar.getByRole('status')).toHaveText('1 of 1');
  // Where the field's built-in clear button would be: a click there only places the caret.
  const box = (await field.boundingBox())!;
  await page.mouse.click(box.x + box.width - 20, box.y + box.height / 2);
  await expect(field).toHaveValue('barge');
  await expect(reader.findBar.getByRole('button', { name: 'Close find' })).toHaveText('×');
});

test('a short article that was opened and highlighted is no longer new', async ({ page, gloss }) => {
  await importText(gloss, 'quay.txt', 'Quay Repairs\n\nThe council agreed to mend the lower quay before the storms.');
  await importText(gloss, 'locks.txt', 'The Lock Keepers\n\nThe lock at Marden opens at six.');
  const library = new LibraryPage(page);
  await library.goto(gloss);
  const progress = (title: string) => library.row(title).getByRole('progressbar', { name: 'Reading progress' });
  await expect(progress('Quay Repairs')).toHaveAttribute('aria-valuetext', 'New');

  await library.open('Quay Repairs');
  await selectPhrase(page, 'the lower quay');
  await page.keyboard.press('1');
  await expect(
    new ReaderPage(page).sidebar.getByRole('list', { name: 'Highlights' }).getByRole('listitem'),
  ).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  // All of it was on screen: it was read. The other one is still new.
  await expect(progress('Quay Repairs')).toHaveAttribute('aria-valuetext', 'Finished');
  await expect(progress('The Lock Keepers')).toHaveAttribute('aria-valuetext', 'New');
});
