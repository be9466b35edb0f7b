import { test, expect } from '../support/fixtures';
import { annotate, clickPhrase, importText, openReader } from '../support/annotations-helpers';
import { callApi } from '../support/gloss-server';
import { ReaderPage } from './pages/reader';

const LOCKS = [
  '# The Lock Keepers',
  '',
  'The lock at Marden opens at six. The keeper logs every barge, and the *lock* book goes back ninety years.',
  '',
  'Upstream, a second lock was built in 1911; its keeper lived in the lock cottage until the war.',
  '',
  'Nobody keeps the third LOCK any more: it is worked by hand by whoever comes through.',
  '',
].join('\n');

test('find in article: count, next and previous, Escape clears', async ({ page, gloss }) => {
  const id = await importText(gloss, 'locks.md', LOCKS);
  const text = (await callApi<{ text: string }>(gloss, 'getArticle', { id })).text;
  await annotate(gloss, id, text, 'The keeper logs every barge');
  await openReader(page, gloss, id);

  const reader = new ReaderPage(page);
  const field = await reader.openFind();
  const bar = reader.findBar;
  await field.fill('lock');
  // Five in the body, in any case, inside emphasis too; the body's copy of the title is hidden and not counted.
  await expect(bar.getByRole('status')).toHaveText('1 of 5');
  await expect(page.locator('.article-body mark.find-match:visible')).toHaveCount(5);
  await bar.getByRole('button', { name: 'Next match' }).click();
  await expect(bar.getByRole('status')).toHaveText('2 of 5');
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await bar.getByRole('button', { name: 'Previous match' }).click();
  await expect(bar.getByRole('status')).toHaveText('5 of 5');
  await expect(page.locator('.article-body mark.find-match--current')).toHaveText('LOCK');
  await field.press('Enter');
  await expect(bar.getByRole('status')).toHaveText('1 of 5');

  await field.fill('cottage until');
  await expect(bar.getByRole('status')).toHaveText('1 of 1');
  await field.fill('canal');
  await expect(bar.getByRole('status')).toHaveText('No matches');

  await field.fill('keeper');
  await expect(bar.getByRole('status')).toHaveText('1 of 2');
  // Highlights still answer clicks while matches are marked (the text index follows mark.js).
  await clickPhrase(page, 'every barge');
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toContainText('The keeper logs every barge');
  await page.keyboard.press('Escape');

  await field.focus();
  await field.press('Escape');
  await expect(bar).toBeHidden();
  await expect(page.locator('.article-body mark')).toHaveCount(0);
  // The body's text is whole again after the marks came out.
  expect(await page.locator('.article-body').textContent()).toBe(text);

  // "/" opens it too.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Find in article' })).toBeFocused();
});
