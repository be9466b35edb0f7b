// The window never scrolls: only the article, the sidebar and the library's
// panels do, however far they are pushed.
import { test, expect } from '../support/fixtures';
import { annotate, importText } from '../support/annotations-helpers';
import { callApi } from '../support/gloss-server';
import { LibraryPage } from './pages/library';
import { ReaderPage } from './pages/reader';
import { wheelToEnd, windowScroll } from './pages/window';

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
