import { resolve } from 'node:path';
import { test, expect } from '../support/fixtures';
import {
  annotate,
  clickPhrase,
  importFile,
  importText,
  listAnnotations,
  openReader,
  phraseBox,
  selectPhrase,
} from '../support/annotations-helpers';
import { callApi } from '../support/gloss-server';
import { guardPage } from '../support/page-guard';
import { ReaderPage } from './pages/reader';

const anchoring = resolve(import.meta.dirname, '..', 'fixtures', 'anchoring');

const TIDES = [
  '# Tide Tables',
  '',
  'The harbour master keeps the tide tables in a drawer beside the radio, and every skipper checks them before the morning run.',
  '',
  'Spring tides come twice a month, when the sun and the moon pull together and the water climbs over the lower quay.',
  '',
  'Neap tides are gentler: the range is small and the boats can leave at almost any hour of the day.',
  '',
].join('\n');

test('select with the mouse, highlight, add a note with a tag; all of it is there after a reload', async ({
  page,
  gloss,
}) => {
  const id = await importText(gloss, 'tides.md', TIDES);
  await openReader(page, gloss, id);

  await selectPhrase(page, 'every skipper checks them');
  const toolbar = page.getByRole('toolbar', { name: 'Selection' });
  await expect(toolbar).toBeVisible();
  for (const name of ['Highlight', 'Add note', 'Copy', 'Yellow', 'Green', 'Blue', 'Pink', 'Purple']) {
    await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await toolbar.getByRole('button', { name: 'Green', exact: true }).click();
  await expect(toolbar).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Highlighted: every skipper checks them' })).toBeAttached();

  const sidebar = page.getByRole('complementary', { name: 'Article sidebar' });
  await expect(sidebar.getByRole('list', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(1);
  await expect(sidebar.getByRole('button', { name: 'Green (1)' })).toBeVisible();

  await clickPhrase(page, 'skipper');
  const popover = page.getByRole('dialog', { name: 'Highlight' });
  await expect(popover).toBeVisible();
  await expect(popover.getByRole('button', { name: 'Green' })).toHaveAttribute('aria-pressed', 'true');
  await popover.getByRole('textbox', { name: 'Note' }).fill('Checked **before** the run');
  await popover.getByRole('combobox', { name: 'Add tag' }).fill('routine');
  await popover.getByRole('combobox', { name: 'Add tag' }).press('Enter');
  await expect(popover.getByRole('button', { name: 'Remove tag routine' })).toBeVisible();
  await popover.getByRole('button', { name: 'Preview' }).click();
  await expect(popover.locator('strong', { hasText: 'before' })).toBeVisible();
  await popover.getByRole('button', { name: 'Close' }).click();
  await expect(popover).toBeHidden();

  await expect
    .poll(async () => (await listAnnotations(gloss, id)).map((a) => [a.body.color, a.body.note, a.body.tags.join()]))
    .toEqual([['green', 'Checked **before** the run', 'routine']]);

  await page.reload();
  await page.locator('.article-body').waitFor();
  const item = page
    .getByRole('complementary', { name: 'Article sidebar' })
    .getByRole('listitem')
    .filter({ hasText: 'every skipper checks them' });
  await expect(item).toBeVisible();
  await expect(item.locator('strong', { hasText: 'before' })).toBeVisible();
  await expect(item).toContainText('#routine');
  // And it is painted again in the text.
  await clickPhrase(page, 'skipper');
  await expect(
    page.getByRole('dialog', { name: 'Highlight' }).getByRole('listitem').filter({ hasText: 'routine' }),
  ).toBeVisible();
});

test('the keyboard: h highlights in the last color and n opens the note editor', async ({ page, gloss }) => {
  const id = await importText(gloss, 'tides.md', TIDES);
  await openReader(page, gloss, id);
  await selectPhrase(page, 'Spring tides come twice a month');
  await page.keyboard.press('4'); // pink, which becomes the last color
  await selectPhrase(page, 'the range is small');
  await page.keyboard.press('h');
  await selectPhrase(page, 'lower quay');
  await page.keyboard.press('n');
  const note = page.getByRole('dialog', { name: 'Highlight' }).getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await note.fill('Wet feet');
  await page.keyboard.press('Escape');
  await expect
    .poll(async () =>
      (await listAnnotations(gloss, id)).map((a) => [a.target.selector[1].exact, a.body.color, a.body.note]),
    )
    .toEqual([
      ['Spring tides come twice a month', 'pink', ''],
      ['lower quay', 'pink', 'Wet feet'],
      ['the range is small', 'pink', ''],
    ]);

  // Shift+arrows from a caret make a selection too, and the toolbar follows it.
  const box = await phraseBox(page, 'Neap tides');
  await page.mouse.click(box.startX - 1, box.startY);
  for (let i = 0; i < 'Neap'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  await page.keyboard.press('2');
  await expect
    .poll(
      async () => (await listAnnotations(gloss, id)).find((a) => a.body.color === 'green')?.target.selector[1].exact,
    )
    .toBe('Neap');
});

test('keyboard only: with nothing clicked, Shift+arrows select from the top of the page and 3 highlights it', async ({
  page,
  gloss,
}) => {
  const id = await importText(gloss, 'tides.md', TIDES);
  await openReader(page, gloss, id);
  await expect(page.getByRole('main', { name: 'Reading area' })).toBeFocused();
  for (let i = 0; i < 'The harbour'.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeVisible();
  await page.keyboard.press('3');
  await expect
    .poll(async () => (await listAnnotations(gloss, id)).map((a) => [a.target.selector[1].exact, a.body.color]))
    .toEqual([['The harbour', 'blue']]);
});

test('overlapping highlights: clicking where two overlap offers both', async ({ page, gloss }) => {
  const id = await importText(gloss, 'tides.md', TIDES);
  const reader = new ReaderPage(page);
  await openReader(page, gloss, id);
  await reader.highlight('the sun and the moon pull together', 'Yellow');
  await reader.highlight('moon pull together and the water climbs', 'Blue');
  await expect.poll(async () => (await listAnnotations(gloss, id)).length).toBe(2);

  await clickPhrase(page, 'pull');
  const popover = page.getByRole('dialog', { name: 'Highlight' });
  const choices = popover.getByRole('group', { name: 'Highlights here' }).getByRole('button');
  await expect(choices).toHaveCount(2);
  // The innermost (here: the later, shorter one) comes first; pick the other.
  await choices.filter({ hasText: 'the sun and the moon pull together' }).click();
  await expect(popover.getByRole('button', { name: 'Yellow' })).toHaveAttribute('aria-pressed', 'true');
  await popover.getByRole('button', { name: 'Purple' }).click();
  await expect
    .poll(async () => (await listAnnotations(gloss, id)).map((a) => a.body.color).sort())
    .toEqual(['blue', 'purple']);

  // Outside the overlap only one highlight is there.
  await page.keyboard.press('Escape');
  await clickPhrase(page, 'water climbs');
  await expect(
    page.getByRole('dialog', { name: 'Highlight' }).getByRole('group', { name: 'Highlights here' }),
  ).toHaveCount(0);
});

test('undo of a delete puts the highlight back with its note; redo deletes it again', async ({ page, gloss }) => {
  const id = await importText(gloss, 'tides.md', TIDES);
  const text = (await callApi<{ text: string }>(gloss, 'getArticle', { id })).text;
  const made = await annotate(gloss, id, text, 'keeps the tide tables');
  await callApi(gloss, 'updateAnnotation', { articleId: id, id: made.id, patch: { note: 'In the drawer' } });
  await openReader(page, gloss, id);
  const list = page.getByRole('complementary', { name: 'Article sidebar' }).getByRole('list', { name: 'Highlights' });
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await clickPhrase(page, 'tide tables in');
  await page.getByRole('dialog', { name: 'Highlight' }).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(list).toHaveCount(0);
  await expect.poll(async () => (await listAnnotations(gloss, id)).length).toBe(0);

  await page.keyboard.press('Control+z');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('In the drawer');
  await expect
    .poll(async () => (await listAnnotations(gloss, id)).map((a) => [a.id, a.body.note]))
    .toEqual([[made.id, 'In the drawer']]);

  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await listAnnotations(gloss, id)).length).toBe(0);
});

test('undo and redo of a create and of a color change', async ({ page, gloss }) => {
  const id = await importText(gloss, 'tides.md', TIDES);
  await openReader(page, gloss, id);
  await selectPhrase(page, 'Neap tides are gentler');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Blue' }).click();
  await clickPhrase(page, 'gentler');
  await page.getByRole('dialog', { name: 'Highlight' }).getByRole('button', { name: 'Pink' }).click();
  await expect.poll(async () => (await listAnnotations(gloss, id)).map((a) => a.body.color)).toEqual(['pink']);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await listAnnotations(gloss, id)).map((a) => a.body.color)).toEqual(['blue']);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await listAnnotations(gloss, id)).length).toBe(0);
  await expect(page.getByRole('complementary', { name: 'Article sidebar' })).toContainText('No highlights yet');

  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await listAnnotations(gloss, id)).map((a) => a.body.color)).toEqual(['blue']);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await listAnnotations(gloss, id)).map((a) => a.body.color)).toEqual(['pink']);
  await expect(
    page.getByRole('complementary', { name: 'Article sidebar' }).getByRole('button', { name: 'Pink (1)' }),
  ).toBeVisible();
});

test('Update from file… keeps the highlights and shows an orphan where the text is gone', async ({ page, gloss }) => {
  const v1 = resolve(anchoring, 'harbour-v1.txt');
  const id = await importFile(gloss, v1);
  const article = await callApi<{ text: string }>(gloss, 'getArticle', { id });
  await annotate(gloss, id, article.text, 'Ruth Abernathy', 'green');
  await annotate(gloss, id, article.text, 'a dredger would stir up decades of silt', 'pink');
  await openReader(page, gloss, id);

  const sidebar = page.getByRole('complementary', { name: 'Article sidebar' });
  const chooser = page.waitForEvent('filechooser');
  await sidebar.getByRole('button', { name: 'Update from file…' }).click();
  await (await chooser).setFiles(resolve(anchoring, 'harbour-v2.txt'));

  await expect(sidebar.getByText('1 highlight in place, 0 moved, 1 orphaned', { exact: false })).toBeVisible();
  await expect(page.locator('.article-body')).toContainText('Updated on Wednesday');
  await expect(sidebar.getByRole('list', { name: 'Highlights', exact: true })).toContainText('Ruth Abernathy');
  await expect(sidebar.getByRole('heading', { name: 'Orphaned highlights' })).toBeVisible();
  await expect(sidebar.getByRole('list', { name: 'Orphaned highlights' })).toContainText(
    'a dredger would stir up decades of silt',
  );
  // The kept highlight is still painted where its text now is.
  await clickPhrase(page, 'Abernathy');
  await expect(page.getByRole('dialog', { name: 'Highlight' })).toContainText('Ruth Abernathy');
});

test('the library lists highlights from every article, searchable', async ({ page, gloss }) => {
  const a = await importText(gloss, 'tides.md', TIDES);
  const text = (await callApi<{ text: string }>(gloss, 'getArticle', { id: a })).text;
  await annotate(gloss, a, text, 'Neap tides are gentler');
  await annotate(gloss, a, text, 'harbour master');
  await page.goto(gloss.url);
  await page.getByRole('tab', { name: 'Highlights' }).click();
  await expect(page.getByRole('region', { name: 'Tide Tables' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search highlights and notes' }).fill('neap');
  await expect(page.getByRole('region', { name: 'Tide Tables' }).getByRole('listitem')).toHaveCount(1);
  await page
    .getByRole('region', { name: 'Tide Tables' })
    .getByRole('button', { name: 'Neap tides are gentler' })
    .click();
  await expect(page.getByRole('article', { name: 'Tide Tables' })).toBeVisible();
  // The jump flashes the whole highlight.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const flash = [...(CSS.highlights.get('gloss-flash') ?? [])][0] as AbstractRange | undefined;
        if (!flash) return null;
        const range = document.createRange();
        range.setStart(flash.startContainer, flash.startOffset);
        range.setEnd(flash.endContainer, flash.endOffset);
        return range.toString();
      }),
    )
    .toBe('Neap tides are gentler');
});

test('highlights paint from one adopted sheet under the CSP, in light, sepia and dark; a reveal does not break the layer flash', async ({
  page,
  gloss,
}) => {
  const guard = await guardPage(page, gloss.origin);
  const id = await importText(gloss, 'tides.md', TIDES);
  const text = TIDES.replace(/^# /, '');
  await annotate(gloss, id, text, 'every skipper checks them', 'yellow');
  await annotate(gloss, id, text, 'the sun and the moon', 'purple');
  await openReader(page, gloss, id);

  // No inline <style> anywhere; the ::highlight rules are in one constructed sheet.
  const sheets = await page.evaluate(() => ({
    inline: document.querySelectorAll('style').length,
    rules: document.adoptedStyleSheets
      .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
      .filter((r) => r.startsWith('::highlight')).length,
  }));
  expect(sheets.inline).toBe(0);
  expect(sheets.rules).toBeGreaterThanOrEqual(9);

  const box = await phraseBox(page, 'every skipper checks them');
  const clip = { x: box.startX, y: box.startY - 8, width: Math.max(40, box.endX - box.startX), height: 16 };
  for (const theme of ['light', 'sepia', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    const painted = await page.screenshot({ clip });
    await page.evaluate(() => {
      const h = CSS.highlights.get('gloss-yellow')!;
      CSS.highlights.delete('gloss-yellow');
      (window as unknown as { __h: Highlight }).__h = h;
    });
    const bare = await page.screenshot({ clip });
    await page.evaluate(() => CSS.highlights.set('gloss-yellow', (window as unknown as { __h: Highlight }).__h));
    expect(painted.equals(bare), `the yellow highlight paints in the ${theme} theme`).toBe(false);
  }

  // Jump to a highlight from the sidebar (a reveal), then the layer's own flash still registers.
  const sidebar = page.getByRole('complementary', { name: 'Article sidebar' });
  await sidebar.getByRole('listitem').filter({ hasText: 'the sun and the moon' }).getByRole('button').first().click();
  await expect.poll(() => page.evaluate(() => CSS.highlights.get('gloss-flash')?.size ?? -1)).toBe(1);
  await expect
    .poll(() => page.evaluate(() => CSS.highlights.get('gloss-flash')?.size ?? -1), { timeout: 4000 })
    .toBe(0);
  await guard.assertClean('highlights in three themes');
});

test('a library with hundreds of highlights draws them a page at a time', async ({ page, gloss }) => {
  const lines = Array.from({ length: 250 }, (_, i) => `Ledger line ${i + 1} records one barge at the northern lock.`);
  const id = await importText(gloss, 'ledger.md', `# The Lock Ledger\n\n${lines.join('\n\n')}\n`);
  const text = (await callApi<{ text: string }>(gloss, 'getArticle', { id })).text;
  for (let i = 1; i <= 250; i++) await annotate(gloss, id, text, `Ledger line ${i} records`);

  await page.goto(gloss.url);
  await page.getByRole('tab', { name: 'Highlights' }).click();
  const ledger = page.getByRole('region', { name: 'The Lock Ledger' });
  await expect(page.getByRole('status').filter({ hasText: '250 highlights in 1 article' })).toBeVisible();
  await expect(ledger.getByRole('listitem')).toHaveCount(200);
  await page.getByRole('button', { name: 'Show 50 more of 50 not shown' }).click();
  await expect(ledger.getByRole('listitem')).toHaveCount(250);
  await expect(page.getByRole('button', { name: /more of/ })).toHaveCount(0);
});
