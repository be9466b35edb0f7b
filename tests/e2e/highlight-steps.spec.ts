import { test, expect } from '../support/fixtures';
import { annotate, importText } from '../support/annotations-helpers';
import { callApi } from '../support/gloss-server';
import { ReaderPage } from './pages/reader';

const LEDGER = [
  '# The Lock Ledger',
  '',
  ...Array.from(
    { length: 90 },
    (_, i) => `Paragraph ${i + 1}. The keeper logged every barge that came through the lock.\n`,
  ),
].join('\n');

test('[ and ] step through the highlights, and the toolbar buttons do the same', async ({ page, gloss }) => {
  const id = await importText(gloss, 'ledger.md', LEDGER);
  const { text } = await callApi<{ text: string }>(gloss, 'getArticle', { id });
  for (const n of [20, 50, 80]) await annotate(gloss, id, text, `Paragraph ${n}.`);
  const reader = new ReaderPage(page);
  await reader.goto(gloss, id);
  const article = reader.article('The Lock Ledger');
  const paragraph = (n: number) => article.getByText(`Paragraph ${n}.`, { exact: false });

  await page.keyboard.press(']');
  await expect(reader.notifications).toContainText('Highlight 1 of 3.');
  await expect(paragraph(20)).toBeInViewport();
  await page.keyboard.press(']');
  await expect(reader.notifications).toContainText('Highlight 2 of 3.');
  await expect(paragraph(50)).toBeInViewport();
  await expect(paragraph(20)).not.toBeInViewport();
  await page.keyboard.press('[');
  await expect(reader.notifications).toContainText('Highlight 1 of 3.');
  await expect(paragraph(20)).toBeInViewport();

  await reader.toolbarButton('Next highlight').click();
  await reader.toolbarButton('Next highlight').click();
  await expect(reader.notifications).toContainText('Highlight 3 of 3.');
  await expect(paragraph(80)).toBeInViewport();
  await reader.toolbarButton('Next highlight').click();
  await expect(reader.notifications).toContainText('No more highlights below.');
});

test('the highlight map beside the scrollbar jumps to a highlight, and the list follows the reading', async ({
  page,
  gloss,
}) => {
  const id = await importText(gloss, 'ledger.md', LEDGER);
  const { text } = await callApi<{ text: string }>(gloss, 'getArticle', { id });
  for (const n of [20, 50, 80]) await annotate(gloss, id, text, `Paragraph ${n}.`);
  const reader = new ReaderPage(page);
  await reader.goto(gloss, id);
  const paragraph = (n: number) => reader.article('The Lock Ledger').getByText(`Paragraph ${n}.`, { exact: false });

  const map = page.getByRole('navigation', { name: 'Highlight map' });
  await expect(map.getByRole('button')).toHaveCount(3);
  // The ticks sit in reading order, top to bottom.
  const tops = await Promise.all(
    [1, 2, 3].map(
      async (n) =>
        (await map
          .getByRole('button')
          .nth(n - 1)
          .boundingBox())!.y,
    ),
  );
  expect(tops[0]!).toBeLessThan(tops[1]!);
  expect(tops[1]!).toBeLessThan(tops[2]!);

  await map.getByRole('button', { name: 'Highlight 3 of 3: Paragraph 80.' }).click();
  await expect(paragraph(80)).toBeInViewport();
  await expect(paragraph(20)).not.toBeInViewport();

  await reader.sidebarTab('Annotations').click();
  const items = reader.sidebar.getByRole('list', { name: 'Highlights' }).getByRole('listitem');
  await expect(items.filter({ hasText: 'Paragraph 80.' })).toHaveAttribute('aria-current', 'true');
  await map.getByRole('button', { name: 'Highlight 1 of 3: Paragraph 20.' }).click();
  await expect(items.filter({ hasText: 'Paragraph 20.' })).toHaveAttribute('aria-current', 'true');
  await expect(items.filter({ hasText: 'Paragraph 80.' })).not.toHaveAttribute('aria-current', 'true');
});
