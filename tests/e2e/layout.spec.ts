// The window never scrolls: only the article, the sidebar and the library's
// panels do, however far they are pushed.
import { test, expect } from '../support/fixtures';
import { annotate, clickPhrase, importText } from '../support/annotations-helpers';
import { callApi } from '../support/gloss-server';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';
import { controlsUnderNotifications, wheelToEnd, windowScroll } from './pages/window';

const PEOPLE = ['Ilse Varga', 'Tomas Lind', 'Marta Okonjo', 'Pieter Haas', 'Anneli Roos', 'Jonas Brel'];
const PLACES = ['Bergen', 'Marden', 'Tromsø', 'Harwich', 'Esbjerg', 'Kiel'];

/** A long article that mentions many people and places, in many years. */
function ledgerText(): string {
  const paragraphs = Array.from({ length: 60 }, (_, i) => {
    const who = PEOPLE[i % PEOPLE.length]!;
    const where = PLACES[i % PLACES.length]!;
    return (
      `Paragraph ${i + 1}. In ${1950 + i} ${who} walked the towpath at ${where}, counting barges ` +
      'and noting the water level in a ledger that went back ninety years.'
    );
  });
  return `# The Long Ledger\n\n${paragraphs.join('\n\n')}\n`;
}

test('the window stays put when every panel is scrolled to its end', async ({ page, gloss }) => {
  const source = ledgerText();
  const id = await importText(gloss, 'ledger.md', source);
  const { text } = await callApi<{ text: string }>(gloss, 'getArticle', { id });
  for (let i = 1; i <= 40; i++) await annotate(gloss, id, text, `Paragraph ${i}. In`, i % 2 ? 'yellow' : 'blue');
  for (let i = 1; i <= 14; i++)
    await importText(gloss, `note-${i}.txt`, `Short note ${i}\n\nA few words about lock ${i}.`);

  const reader = new ReaderPage(page);
  await reader.goto(gloss, id);
  await expect(reader.sidebar.getByRole('list', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(40);

  await wheelToEnd(reader.sidebarPanel);
  expect(await windowScroll(page), 'annotations panel at its end').toEqual({ scrollY: 0, scrollX: 0, overflowY: 0 });
  await expect(reader.toolbarButton('Back to library')).toBeInViewport();

  await reader.sidebarTab('Entities').click();
  await expect(reader.sidebar.getByRole('button', { name: /^Ilse Varga, / })).toBeVisible();
  await wheelToEnd(reader.sidebarPanel);
  expect(await windowScroll(page), 'entities panel at its end').toEqual({ scrollY: 0, scrollX: 0, overflowY: 0 });

  await wheelToEnd(reader.readingArea);
  await reader.readingArea.focus();
  await page.keyboard.press('End');
  expect(await windowScroll(page), 'article at its end').toEqual({ scrollY: 0, scrollX: 0, overflowY: 0 });
  // Find scrolls matches into view inside the article only.
  const find = await reader.openFind();
  await find.fill('ledger');
  await expect(reader.findBar.getByRole('status')).toHaveText(/of 60/);
  expect(await windowScroll(page), 'find in article').toEqual({ scrollY: 0, scrollX: 0, overflowY: 0 });
  await expect(reader.toolbarButton('Back to library')).toBeInViewport();

  await reader.backToLibrary();
  const library = new LibraryPage(page);
  await expect(library.articles.getByRole('listitem')).toHaveCount(15);
  for (const section of ['Articles', 'Highlights', 'Entities'] as const) {
    await library.section(section).click();
    await expect(library.panel).not.toBeEmpty();
    await wheelToEnd(library.panel);
    expect(await windowScroll(page), `library ${section} at its end`).toEqual({ scrollY: 0, scrollX: 0, overflowY: 0 });
    await expect(library.section(section)).toBeInViewport();
  }
});

test('a toast stays on the screen it belongs to and never covers a control', async ({ page, gloss }) => {
  const tides = 'Tide Tables\n\nSpring tides come twice a month, when the sun and the moon pull together.';
  const id = await importText(gloss, 'tides.txt', tides);
  const { text } = await callApi<{ text: string }>(gloss, 'getArticle', { id });
  await annotate(gloss, id, text, 'the sun and the moon');
  await importText(gloss, 'locks.txt', 'The Lock Keepers\n\nThe lock at Marden opens at six.');
  for (let i = 1; i <= 12; i++)
    await importText(gloss, `note-${i}.txt`, `Short note ${i}\n\nA few words about lock ${i}.`);

  const library = new LibraryPage(page);
  await library.goto(gloss);
  await library.deleteArticle('The Lock Keepers');
  const deleted = library.notifications.getByText('Deleted “The Lock Keepers”.');
  await expect(deleted).toBeVisible();
  expect(await controlsUnderNotifications(page), 'in the library').toEqual([]);

  // Opening the next article leaves the library's Undo behind.
  await library.open('Tide Tables');
  // (At once: left alone, it would go by itself after ten seconds.)
  await expect(deleted).toHaveCount(0, { timeout: 2000 });

  const reader = new ReaderPage(page);
  await reader.openFind();
  await clickPhrase(page, 'the sun and the moon');
  await page.getByRole('dialog', { name: 'Highlight' }).getByRole('button', { name: 'Delete highlight' }).click();
  await expect(reader.notifications.getByText('Highlight deleted.')).toBeVisible();
  await expect(reader.findBar).toBeVisible();
  expect(await controlsUnderNotifications(page), 'in the reader, find bar open').toEqual([]);

  await page.setViewportSize({ width: 760, height: 700 });
  await expect(reader.sidebar).toBeVisible();
  await expect(reader.notifications.getByText('Highlight deleted.')).toBeVisible();
  expect(await controlsUnderNotifications(page), 'in a narrow window').toEqual([]);
});

test('in a narrow window the sidebar sits below the article, covering none of it', async ({ page, gloss }) => {
  const id = await importText(gloss, 'ledger.md', ledgerText());
  await page.setViewportSize({ width: 760, height: 860 });
  const reader = new ReaderPage(page);
  await reader.goto(gloss, id);
  // Narrow windows start with the article alone.
  await expect(reader.sidebar).toHaveCount(0);
  await reader.toolbarButton('Sidebar').click();
  await expect(reader.sidebarTab('Entities')).toBeVisible();

  const area = (await reader.readingArea.boundingBox())!;
  const side = (await reader.sidebar.boundingBox())!;
  const overlap =
    area.x < side.x + side.width &&
    side.x < area.x + area.width &&
    area.y < side.y + side.height &&
    side.y < area.y + area.height;
  expect(overlap, `reading area ${JSON.stringify(area)}, sidebar ${JSON.stringify(side)}`).toBe(false);
  // The article keeps the window's width; both keep a usable height.
  expect(area.width).toBeGreaterThan(700);
  expect(area.height).toBeGreaterThan(300);
  expect(side.height).toBeGreaterThan(200);
  expect(await windowScroll(page)).toEqual({ scrollY: 0, scrollX: 0, overflowY: 0 });

  // A toast in the narrow window is above everything else, not under the sidebar.
  await reader.sidebarTab('Entities').click();
  await reader.sidebar.getByRole('button', { name: /^Ilse Varga, / }).click();
  await reader.sidebar.getByRole('button', { name: /^Hide/ }).click();
  const toast = reader.notifications.getByText(/^Hid “Ilse Varga”/);
  await expect(toast).toBeVisible();
  const box = (await toast.boundingBox())!;
  const onTop = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('[aria-label="Notifications"]') !== null,
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  expect(onTop, 'the toast is not drawn over').toBe(true);

  await reader.toolbarButton('Sidebar').click();
  await expect(reader.sidebar).toHaveCount(0);
  expect((await reader.readingArea.boundingBox())!.height).toBeGreaterThan(area.height);
});
