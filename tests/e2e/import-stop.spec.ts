// A long import can be stopped: the file being read is dropped, the files waiting are never sent,
// and the next import works as before.
import { test, expect } from '../support/fixtures';
import { LibraryPage } from './pages/library';

/** A saved page of about two megabytes of article text: seconds to read, on any machine. */
function bigPage(n: number): { name: string; mimeType: string; buffer: Buffer } {
  const paragraph = `<p>Report ${n}: the harbour board met again to weigh the dredging contract, and the minutes ran long. </p>`;
  const body = paragraph.repeat(20_000);
  const html = `<!doctype html><html><head><title>Harbour report ${n}</title></head><body><article><h1>Harbour report ${n}</h1>${body}</article></body></html>`;
  return { name: `report-${n}.html`, mimeType: 'text/html', buffer: Buffer.from(html) };
}

test('stop an import of several large pages: the rest are not imported, and a new import works', async ({
  page,
  gloss,
}) => {
  const library = new LibraryPage(page);
  await library.goto(gloss);
  await library.importFiles([1, 2, 3, 4, 5].map(bigPage));
  await expect(library.importProgress).toContainText('Importing 1 of 5');
  await library.stopImport();
  await expect(library.notifications).toContainText(/Import stopped/);
  await expect(library.importProgress).not.toContainText('Importing');
  // At most the file that was already in stays; none of the four waiting comes in later.
  const count = await library.articles.getByRole('listitem').count();
  expect(count).toBeLessThanOrEqual(1);
  await page.waitForTimeout(1500);
  expect(await library.articles.getByRole('listitem').count()).toBe(count);

  await library.importFiles([
    {
      name: 'ferry.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Ferry Timetable\n\nThe first ferry leaves at six.'),
    },
  ]);
  await expect(library.article('Ferry Timetable')).toBeVisible();
});
