// A long article (about 70,000 words) is drawn in chunks the browser lays out
// only near the view. Far down it, a reader still finds, makes and gets back
// highlights, and comes back to the place where they stopped.
import { test, expect } from '../support/fixtures';
import { annotate, importText, listAnnotations, selectPhrase } from '../support/annotations-helpers';
import { callApi } from '../support/gloss-server';
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
