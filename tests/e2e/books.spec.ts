import { test, expect } from '../support/fixtures';
import { makeEpub } from '../support/make-epub';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';

const paragraphs = (chapter: string) =>
  Array.from({ length: 30 }, (_, i) => `<p>${chapter}, paragraph ${i + 1}: the tide came and went.</p>`).join('');

const BOOK = makeEpub({
  title: 'Letters from the Estuary',
  author: 'Ines Carvalho',
  chapters: [
    { file: 'c1.xhtml', title: 'Spring', body: `<h1>Spring</h1>${paragraphs('Spring')}` },
    { file: 'c2.xhtml', title: 'Summer', body: paragraphs('Summer') },
    {
      file: 'c3.xhtml',
      title: 'Autumn',
      body: `<h1>Autumn</h1>${paragraphs('Autumn')}<p>The last boat left in October.</p>`,
    },
  ],
});

test('an EPUB opens as one article whose chapters the Contents list reaches, and keeps its highlights', async ({
  page,
  gloss,
}) => {
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(gloss.url);
  await library.importFiles([{ name: 'estuary.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(BOOK) }]);
  await library.open('Letters from the Estuary');

  const book = reader.article('Letters from the Estuary');
  await expect(book.getByText('Ines Carvalho', { exact: true })).toBeVisible();
  // The second chapter has no heading of its own: the table of contents gives it one.
  await expect(book.getByRole('heading', { name: 'Summer' })).toHaveCount(1);

  await reader.goToHeading('Autumn');
  await expect(book.getByRole('heading', { name: 'Autumn' })).toBeInViewport();
  await expect(book.getByRole('heading', { name: 'Spring' })).not.toBeInViewport();

  await reader.highlight('The last boat left in October.', 'Green');
  const highlights = reader.sidebar.getByRole('list', { name: 'Highlights' }).getByRole('listitem');
  await expect(highlights).toHaveCount(1);
  await page.reload();
  await expect(highlights).toHaveCount(1);
  await expect(highlights.first()).toContainText('The last boat left in October.');
});

test('a link from one chapter to another scrolls the book to its target, and leaves nothing', async ({
  page,
  gloss,
}) => {
  const linked = makeEpub({
    title: 'Tide Tables',
    chapters: [
      {
        file: 'c1.xhtml',
        title: 'Ebb',
        body: `<h1>Ebb</h1><p>For the dates, see <a href="text/c2.xhtml#boats">the list of boats</a>.</p>${paragraphs('Ebb')}`,
      },
      {
        file: 'text/c2.xhtml',
        title: 'Flood',
        body: `<h1>Flood</h1>${paragraphs('Flood')}<p id="boats">The boats sailed on the spring tides.</p>${paragraphs('Late')}`,
      },
    ],
  });
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(gloss.url);
  await library.importFiles([{ name: 'tides.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(linked) }]);
  await library.open('Tide Tables');

  const book = reader.article('Tide Tables');
  const target = book.getByText('The boats sailed on the spring tides.');
  await expect(target).not.toBeInViewport();
  const address = page.url();
  await book.getByRole('link', { name: 'the list of boats' }).click();
  await expect(target).toBeInViewport();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(page.url()).toBe(address);
});
