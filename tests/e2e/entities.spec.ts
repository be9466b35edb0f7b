import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { ArticleSummary, ImportOutcome } from '../../main/model/contract';
import { test, expect } from '../support/fixtures';
import { callApi, type GlossServer } from '../support/gloss-server';
import { guardPage } from '../support/page-guard';

// Our own two short articles: Margaret Thompson and Bergen appear in both, and
// "Bjørgvin" (an old name of Bergen) in both, so a merge made in one shows in the other.
const fixtures = resolve(import.meta.dirname, '..', 'fixtures', 'entities');
const HARBOUR = 'The Harbour Council Votes on the New Pier';
const FERRY = 'A New Ferry Route Along the Coast';

async function importFixtures(gloss: GlossServer): Promise<ArticleSummary[]> {
  const files = await Promise.all(
    ['harbour-council.txt', 'ferry-report.txt'].map(async (name) => ({
      name,
      dataBase64: (await readFile(resolve(fixtures, name))).toString('base64'),
    })),
  );
  const outcomes = await callApi<ImportOutcome[]>(gloss, 'importFiles', { files });
  return outcomes.map((o) => {
    if (o.status !== 'imported') throw new Error(`fixture not imported: ${JSON.stringify(o)}`);
    return o.article;
  });
}

async function openArticle(page: Page, title: string): Promise<void> {
  const list = page.getByRole('list', { name: 'Articles' });
  await list
    .getByRole('link', { name: title })
    .or(list.getByRole('button', { name: title }))
    .first()
    .click();
  await expect(page.getByRole('article', { name: title })).toBeVisible();
}

async function openEntities(page: Page) {
  await page.getByRole('tab', { name: 'Entities' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Entities' });
  await expect(panel.getByRole('group', { name: 'People' })).toBeVisible({ timeout: 30_000 });
  return panel;
}

/** What the entity marks cover: the text of each range in the named CSS highlight. */
function markedTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()), name);
}

test('the Entities tab lists people and places with their mention counts', async ({ page, gloss }) => {
  await importFixtures(gloss);
  await page.goto(gloss.url);
  await openArticle(page, HARBOUR);
  const panel = await openEntities(page);

  const people = panel.getByRole('group', { name: 'People' });
  await expect(people.getByRole('button', { name: 'Margaret Thompson, 3 mentions' })).toBeVisible();
  await expect(people.getByRole('button', { name: 'David Okafor, 2 mentions' })).toBeVisible();
  const places = panel.getByRole('group', { name: 'Places' });
  await expect(places.getByRole('button', { name: 'Bergen, 3 mentions' })).toBeVisible();
  // Most mentioned first within a group.
  await expect(people.getByRole('button').first()).toHaveAccessibleName('Margaret Thompson, 3 mentions');

  // A figure shows the sentence it comes from on hover.
  await panel
    .getByRole('group', { name: 'Figures' })
    .getByRole('button', { name: '4,000 residents, 1 mention' })
    .hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    /reminding members that 4,000 residents had signed the petition\.$/,
  );

  // The filter narrows the list (aliases count: "Okafor" alone finds David Okafor).
  await panel.getByRole('searchbox', { name: 'Filter entities' }).fill('okafor');
  await expect(panel.getByRole('button', { name: /, \d+ mentions?$/ })).toHaveCount(1);
  await expect(panel.getByRole('button', { name: 'David Okafor, 2 mentions' })).toBeVisible();
});

test('selecting an entity marks its mentions and next/previous walk through them', async ({ page, gloss }) => {
  await importFixtures(gloss);
  const guard = await guardPage(page, gloss.origin);
  await page.goto(gloss.url);
  await openArticle(page, HARBOUR);
  const panel = await openEntities(page);

  // Hovering marks without selecting.
  await panel.getByRole('button', { name: 'Bergen, 3 mentions' }).hover();
  await expect.poll(() => markedTexts(page, 'gloss-entity')).toEqual(['Bergen', 'Bergen', 'Bergen']);

  const thompson = panel.getByRole('button', { name: 'Margaret Thompson, 3 mentions' });
  await thompson.click();
  await expect(thompson).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(0, 0);
  await expect.poll(() => markedTexts(page, 'gloss-entity')).toEqual(['Margaret Thompson', 'Thompson', 'Thompson']);

  const position = panel.getByRole('status').filter({ hasText: / of / });
  await expect(position).toHaveText('1 of 3');
  await expect.poll(() => markedTexts(page, 'gloss-entity-current')).toEqual(['Margaret Thompson']);

  await panel.getByRole('button', { name: 'Next mention' }).click();
  await expect(position).toHaveText('2 of 3');
  await panel.getByRole('button', { name: 'Next mention' }).click();
  await expect(position).toHaveText('3 of 3');
  // The third mention is in the last paragraph: it was scrolled into view.
  const third = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('gloss-entity-current') ?? [])][0] as Range;
    const box = range.getBoundingClientRect();
    return { text: range.toString(), visible: box.top >= 0 && box.bottom <= window.innerHeight };
  });
  expect(third).toEqual({ text: 'Thompson', visible: true });
  await panel.getByRole('button', { name: 'Previous mention' }).click();
  await expect(position).toHaveText('2 of 3');

  // The marks are a highlight layer of their own: the article's DOM and text are unchanged.
  const article = page.getByRole('article', { name: HARBOUR });
  await expect(article.locator('mark')).toHaveCount(0);

  // Selecting again clears the marks.
  await thompson.click();
  await page.mouse.move(0, 0);
  await expect.poll(() => markedTexts(page, 'gloss-entity')).toEqual([]);

  // Selected midway through the article, stepping starts from the first mention in view.
  await page.setViewportSize({ width: 1280, height: 420 });
  await page.getByRole('main', { name: 'Reading area' }).evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await thompson.click();
  await expect(position).toHaveText('3 of 3');
  await guard.assertClean('entity marks');
});

test('a merge made in one article shows in another, and can be undone', async ({ page, gloss }) => {
  await importFixtures(gloss);
  await page.goto(gloss.url);
  await openArticle(page, HARBOUR);
  let panel = await openEntities(page);
  const places = panel.getByRole('group', { name: 'Places' });

  await places.getByRole('button', { name: 'Bjørgvin, 1 mention' }).click();
  await panel.getByRole('button', { name: 'Merge into…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge entity' });
  await dialog.getByRole('combobox', { name: 'Merge into' }).selectOption({ label: 'Bergen (place)' });
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(places.getByRole('button', { name: 'Bergen, 4 mentions' })).toBeVisible();
  await expect(places.getByRole('button', { name: /^Bjørgvin/ })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Merged “Bjørgvin” into “Bergen”' })).toBeVisible();

  await page.getByRole('button', { name: 'Back to library' }).first().click();
  await openArticle(page, FERRY);
  panel = await openEntities(page);
  const ferryPlaces = panel.getByRole('group', { name: 'Places' });
  const bergen = ferryPlaces.getByRole('button', { name: 'Bergen, 2 mentions' });
  await expect(bergen).toBeVisible();
  await expect(bergen).toContainText('also Bjørgvin');
  await expect(ferryPlaces.getByRole('button', { name: /^Bjørgvin/ })).toHaveCount(0);

  // Undo through the corrections API the toast uses, then the other article shows it again.
  const corrections = await callApi<Array<{ id: string }>>(gloss, 'listCorrections', {});
  expect(corrections).toHaveLength(1);
  await callApi(gloss, 'undoCorrection', { id: corrections[0]!.id });
  await page.getByRole('button', { name: 'Back to library' }).first().click();
  await openArticle(page, FERRY);
  panel = await openEntities(page);
  await expect(panel.getByRole('button', { name: 'Bjørgvin, 1 mention' })).toBeVisible();
});

test('the toast undoes a correction; a selection in the article can be added as an entity', async ({ page, gloss }) => {
  await importFixtures(gloss);
  await page.goto(gloss.url);
  await openArticle(page, HARBOUR);
  const panel = await openEntities(page);

  await panel.getByRole('button', { name: 'David Okafor, 2 mentions' }).click();
  await panel.getByRole('button', { name: 'Hide' }).click();
  await expect(panel.getByRole('button', { name: /^David Okafor/ })).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('button', { name: 'David Okafor, 2 mentions' })).toBeVisible();

  // Select "fish market" in the article, then add it as a place.
  await page.getByRole('article', { name: HARBOUR }).evaluate((article) => {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf('fish market');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + 'fish market'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
  });
  await panel.getByRole('button', { name: 'Add selection as entity' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add as entity' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('fish market');
  await dialog.getByRole('combobox', { name: 'Type' }).selectOption('place');
  await dialog.getByRole('button', { name: 'Add entity' }).click();
  await expect(
    panel.getByRole('group', { name: 'Places' }).getByRole('button', { name: 'fish market, 1 mention' }),
  ).toBeVisible();
});

test('the library Entities view lists articles and sentences that link into the reader', async ({ page, gloss }) => {
  await importFixtures(gloss);
  const [ferry] = await callApi<Array<{ key: string; name: string }>>(gloss, 'getEntities', {
    articleId: (await callApi<ArticleSummary[]>(gloss, 'listArticles', {})).find((a) => a.title === FERRY)!.id,
  }).then((list) => list.filter((e) => e.name === 'Ingrid Solberg'));
  await callApi(gloss, 'correctEntity', { correction: { kind: 'hide', key: ferry!.key } });
  await page.goto(gloss.url);
  await page.getByRole('tab', { name: 'Entities' }).click();
  const view = page.getByRole('tabpanel', { name: 'Entities' });

  // The user's corrections are listed, and each can be undone from here.
  await expect(view.getByRole('row')).not.toHaveCount(0);
  await expect(view.getByRole('row', { name: /Ingrid Solberg/ })).toHaveCount(0);
  await view.getByText('Your corrections (1)').click();
  await view.getByRole('button', { name: /^Undo: Hid “/ }).click();
  await expect(view.getByRole('row', { name: /Ingrid Solberg/ })).toBeVisible();
  await expect(view.getByText(/Your corrections/)).toHaveCount(0);

  await view.getByRole('searchbox', { name: 'Filter entities' }).fill('Thompson');
  const row = view.getByRole('row', { name: /Margaret Thompson/ });
  await expect(row.getByRole('cell')).toHaveText(['Margaret Thompson', 'Person', '2', '4']);

  await row.getByRole('button', { name: 'Margaret Thompson' }).click();
  await expect(view.getByRole('group', { name: HARBOUR }).getByRole('listitem')).toHaveCount(3);
  await expect(view.getByRole('group', { name: FERRY }).getByRole('listitem')).toHaveCount(1);
  await view
    .getByRole('group', { name: HARBOUR })
    .getByRole('button', { name: /After the vote, Thompson told reporters/ })
    .click();
  await expect(page.getByRole('article', { name: HARBOUR })).toBeVisible();
  // The whole mention is revealed and flashed, not only its first character.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const flash = [...(CSS.highlights.get('gloss-flash') ?? [])][0] as AbstractRange | undefined;
        if (!flash) return null;
        const range = document.createRange();
        range.setStart(flash.startContainer, flash.startOffset);
        range.setEnd(flash.endContainer, flash.endOffset);
        const box = range.getBoundingClientRect();
        return { text: range.toString(), inView: box.top >= 0 && box.bottom <= window.innerHeight };
      }),
    )
    .toEqual({ text: 'Thompson', inView: true });
});

test('rename, change type and split an alias from the sidebar', async ({ page, gloss }) => {
  await importFixtures(gloss);
  await page.goto(gloss.url);
  await openArticle(page, HARBOUR);
  const panel = await openEntities(page);

  await panel.getByRole('button', { name: 'Margaret Thompson, 3 mentions' }).click();
  await panel.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename entity' });
  await rename.getByRole('textbox', { name: 'Name' }).fill('Maggie Thompson');
  await rename.getByRole('button', { name: 'Rename' }).click();
  const renamed = panel.getByRole('button', { name: 'Maggie Thompson, 3 mentions' });
  await expect(renamed).toHaveAttribute('aria-pressed', 'true');
  await expect(renamed).toContainText('Margaret Thompson');

  await panel.getByRole('button', { name: 'Bjørgvin, 1 mention' }).click();
  await panel.getByRole('button', { name: 'Change type' }).click();
  const retype = page.getByRole('dialog', { name: 'Change entity type' });
  await retype.getByRole('combobox', { name: 'Type' }).selectOption('organization');
  await retype.getByRole('button', { name: 'Change type' }).click();
  await expect(
    panel.getByRole('group', { name: 'Organizations' }).getByRole('button', { name: 'Bjørgvin, 1 mention' }),
  ).toBeVisible();

  await panel.getByRole('button', { name: 'David Okafor, 2 mentions' }).click();
  await panel.getByRole('button', { name: 'Split alias' }).click();
  const split = page.getByRole('dialog', { name: 'Split alias' });
  await expect(split.getByRole('combobox', { name: 'Alias' })).toHaveValue('Okafor');
  await split.getByRole('button', { name: 'Split' }).click();
  const people = panel.getByRole('group', { name: 'People' });
  await expect(people.getByRole('button', { name: 'David Okafor, 1 mention' })).toBeVisible();
  await expect(people.getByRole('button', { name: 'Okafor, 1 mention', exact: true })).toBeVisible();

  // All three are stored once, for the whole library.
  const corrections = await callApi<Array<{ correction: { kind: string } }>>(gloss, 'listCorrections', {});
  expect(corrections.map((c) => c.correction.kind)).toEqual(['rename', 'retype', 'split']);
});
