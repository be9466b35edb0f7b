import { test, expect } from '../support/fixtures';
import { makePdf, makePlacedPdf } from '../support/make-pdf';
import { LibraryPage } from './pages/library';
import { PdfPagesPage } from './pages/pdf-pages';
import { ReaderPage } from './pages/reader';

const SENTENCE = 'The panel found no record of the second shipment.';

test('a PDF opens page by page; a highlight on page 2 stays after a reload and exports with its page', async ({
  page,
  gloss,
}) => {
  const report = await makePdf({
    title: 'Panel of Experts: Final Report',
    author: 'Tomas Berg',
    pages: [
      [['Summary of the findings of the panel.'], ['The first shipment arrived in March.']],
      [['Later events were harder to trace.'], [SENTENCE]],
    ],
  });
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(gloss.url);
  await library.importFiles([{ name: 'final-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(report) }]);
  await library.open('Panel of Experts: Final Report');

  const article = reader.article('Panel of Experts: Final Report');
  const pageTwo = article.getByRole('region', { name: 'Page 2' });
  await expect(pageTwo).toContainText(SENTENCE);
  await reader.highlight(SENTENCE, 'Blue');
  const highlights = reader.sidebar.getByRole('list', { name: 'Highlights' }).getByRole('listitem');
  await expect(highlights).toHaveCount(1);

  await page.reload();
  await expect(highlights).toHaveCount(1);
  const markdown = await reader.exportMarkdown({ highlightsOnly: true });
  expect(markdown).toMatch(new RegExp(`^> ${SENTENCE.replace(/\./g, '\\.')}`, 'm'));
  expect(markdown).toContain('(blue) p. 2');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: gloss.origin });
  await reader.sidebarPanel.getByRole('button', { name: 'Copy highlights' }).click();
  await expect(reader.notifications).toContainText('Copied 1 highlight as Markdown.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`> ${SENTENCE}`);
  expect(copied).toContain('(blue) p. 2');
});

test('a PDF titled by its first line shows that line once in its reflowed text, as the title', async ({
  page,
  gloss,
}) => {
  const doc = await makePlacedPdf(
    [
      [
        { text: 'Dredging the Outer Channel', x: 60, y: 780, size: 22 },
        { text: 'The channel silts up every winter.', x: 60, y: 730 },
      ],
    ],
    { title: 'Microsoft Word - channel_final2.docx' },
  );
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  await page.goto(gloss.url);
  await library.importFiles([
    { name: 'channel.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await doc.save()) },
  ]);
  await library.open('Dredging the Outer Channel');

  const article = reader.article('Dredging the Outer Channel');
  // On the drawn page the line is where the page has it; the reflowed text does not repeat it.
  await new PdfPagesPage(page).button('Text').click();
  await expect(article.getByRole('region', { name: 'Page 1' })).toContainText('The channel silts up every winter.');
  await expect(article.getByText('Dredging the Outer Channel', { exact: true })).toHaveCount(2);
  await expect(article.getByText('Dredging the Outer Channel', { exact: true }).filter({ visible: true })).toHaveCount(
    1,
  );
});
