import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '../support/fixtures';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';

/** Two articles of our own: a long one with a word only in paragraph 90 of its body, and a short one. */
async function articles(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-search-'));
  const paragraphs = Array.from(
    { length: 120 },
    (_, i) =>
      `Paragraph ${i + 1}. The river authority counted barges at the northern lock every morning` +
      (i === 89 ? ', and the quartermaster Ysolde Brannigan signed the ledger.' : ', and the clerk kept the ledger.'),
  );
  const long = join(dir, 'lock-ledger.txt');
  await writeFile(long, `The Lock Ledger\n\n${paragraphs.join('\n\n')}\n`);
  const short = join(dir, 'ferry.txt');
  await writeFile(
    short,
    'The Island Ferry\n\nThe ferry to the island runs twice a day, and the harbour master keeps the timetable by hand.\n',
  );
  return [long, short];
}

test('a word found only in an article body opens the article at that place', async ({ page, gloss }) => {
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(gloss.url);
  await library.import(await articles());
  await expect(library.articles.getByRole('listitem')).toHaveCount(2);

  await library.search('brannigan');
  const result = library.searchResult('The Lock Ledger');
  await expect(result).toContainText('Ysolde Brannigan');
  await expect(result.locator('mark')).toHaveText(['Brannigan']);
  await expect(library.searchResults.getByRole('listitem').filter({ hasText: 'The Island Ferry' })).toHaveCount(0);

  await library.openSearchHit('The Lock Ledger', 'Brannigan');
  const article = reader.article('The Lock Ledger');
  await expect(article.getByText('Paragraph 90.', { exact: false })).toBeInViewport();
  await expect(article.getByText('Paragraph 1.', { exact: false })).not.toBeInViewport();
});

test('a highlight is found by its tag, and only its article is listed', async ({ page, gloss }) => {
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(gloss.url);
  await library.import(await articles());
  await library.open('The Island Ferry');
  await reader.highlight('harbour master', 'Green');
  await reader.tagHighlight('harbour master', 'ports');
  await reader.backToLibrary();

  await library.search('tag:ports');
  const result = library.searchResult('The Island Ferry');
  await expect(result).toContainText('green highlight');
  await expect(result).toContainText('harbour master');
  await expect(library.searchResults.getByRole('listitem').filter({ hasText: 'The Lock Ledger' })).toHaveCount(0);
});
