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
