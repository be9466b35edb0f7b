// A long article (about 70,000 words) is drawn in chunks the browser lays out
// only near the view. Far down it, a reader still finds, makes and gets back
// highlights, and comes back to the place where they stopped.
import { test, expect } from '../support/fixtures';
import { annotate, importText, listAnnotations, selectPhrase } from '../support/annotations-helpers';
import { callApi } from '../support/gloss-server';
import { makeEpub } from '../support/make-epub';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';

const REPORT = [
  '# The Canal Commission Report',
  '',
  ...Array.from(
    { length: 2400 },
    (_, i) =>
      `Section ${i + 1}. The commission walked the towpath from the upper basin to the estuary, ` +
      'counting moorings, measuring the depth at each lock and noting where the banks had slipped into the water.\n',
  ),
].join('\n');

test('far down a long article, highlights are shown, made and kept, and the place is kept', async ({ page, gloss }) => {
  const id = await importText(gloss, 'canal-report.md', REPORT);
  const { text } = await callApi<{ text: string }>(gloss, 'getArticle', { id });
  expect(text.length).toBeGreaterThan(400_000);
  await annotate(gloss, id, text, 'Section 1800.');

  const reader = new ReaderPage(page);
  await reader.goto(gloss, id);
  const article = reader.article('The Canal Commission Report');
  const section = (n: number) => article.getByText(`Section ${n}.`, { exact: false });

  await page.keyboard.press(']');
  await expect(reader.notifications).toContainText('Highlight 1 of 1.');
  await expect(section(1800)).toBeInViewport();

  await selectPhrase(page, 'Section 1801. The commission walked the towpath');
  await page.keyboard.press('h');
  await expect
    .poll(async () =>
      (await listAnnotations(gloss, id)).map(
        (a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact,
      ),
    )
    .toContain('Section 1801. The commission walked the towpath');
  await page.waitForTimeout(1500); // the reading position is saved after scrolling stops

  await page.reload();
  await expect(section(1800)).toBeInViewport();
  await page.keyboard.press(']');
  await expect(reader.notifications).toContainText('Highlight 1 of 2.');
  await page.keyboard.press(']');
  await expect(reader.notifications).toContainText('Highlight 2 of 2.');
  await expect(section(1801)).toBeInViewport();
});

test('a long book set in bare <div>s opens again where it was left', async ({ page, gloss }) => {
  const lines = (from: number) =>
    Array.from(
      { length: 1500 },
      (_, i) =>
        `<div>Entry ${from + i}. The lock keeper wrote down each barge, its cargo and the depth of water under it that morning.</div>`,
    ).join('');
  const book = makeEpub({
    title: 'The Lock Keeper’s Book',
    author: 'Ada Brandt',
    chapters: [
      { file: 'c1.xhtml', title: 'Spring', body: lines(1) },
      { file: 'c2.xhtml', title: 'Summer', body: lines(1501) },
    ],
  });
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(gloss.url);
  await library.importFiles([{ name: 'keeper.epub', mimeType: 'application/epub+zip', buffer: Buffer.from(book) }]);
  await library.open('The Lock Keeper’s Book');
  const entry = (n: number) => reader.article('The Lock Keeper’s Book').getByText(`Entry ${n}.`, { exact: false });

  await entry(2200).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect(entry(2200)).toBeInViewport();
  await page.waitForTimeout(1500); // the reading position is saved after scrolling stops

  await page.reload();
  await expect(entry(2200)).toBeInViewport();
});
