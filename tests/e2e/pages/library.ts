// The library screen as a user sees it: the section tabs, the article list,
// the import controls. Specs drive it through these names, not through CSS.
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import type { GlossServer } from '../../support/gloss-server';

export type LibrarySection = 'Articles' | 'Highlights' | 'Entities';

export class LibraryPage {
  readonly articles: Locator;
  readonly notifications: Locator;
  readonly filter: Locator;

  constructor(readonly page: Page) {
    this.articles = page.getByRole('list', { name: 'Articles' });
    this.notifications = page.getByRole('status', { name: 'Notifications' });
    this.filter = page.getByRole('searchbox', { name: 'Filter articles' });
  }

  async goto(gloss: GlossServer): Promise<void> {
    await this.page.goto(gloss.url);
    await expect(this.page.getByRole('tablist', { name: 'Library sections' })).toBeVisible();
  }

  section(name: LibrarySection): Locator {
    return this.page.getByRole('tablist', { name: 'Library sections' }).getByRole('tab', { name });
  }

  /** The open section's scrolling panel. */
  get panel(): Locator {
    return this.page.getByRole('tabpanel').first();
  }

  /** The button that opens an article: the row's title. */
  article(title: string): Locator {
    return this.articles.getByRole('button', { name: title, exact: true });
  }

  row(title: string): Locator {
    return this.articles
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }

  async open(title: string): Promise<void> {
    await this.article(title).click();
    await expect(this.page.getByRole('article', { name: title })).toBeVisible();
  }

  async deleteArticle(title: string): Promise<void> {
    await this.row(title).getByRole('button', { name: 'Delete' }).click();
    await this.page
      .getByRole('dialog', { name: 'Delete this article?' })
      .getByRole('button', { name: 'Delete' })
      .click();
  }

  async paste(text: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Paste', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Paste an article' });
    await dialog.getByRole('textbox', { name: 'Pasted text' }).fill(text);
    await dialog.getByRole('button', { name: 'Add to library' }).click();
    await expect(dialog).toHaveCount(0);
  }

  /** Picks files through the Import button's file chooser, as a user would. */
  async importFiles(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import', exact: true }).first().click();
    await (await chooser).setFiles(files);
  }

  /** The live status that says an import is under way. */
  get importProgress(): Locator {
    return this.page.getByRole('status', { name: 'Import progress' });
  }

  /** Stops the import under way with the progress pill's Stop button. */
  async stopImport(): Promise<void> {
    await this.importProgress.getByRole('button', { name: 'Stop importing' }).click();
  }

  /** Imports files through the Import button's file picker. */
  async import(files: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import', exact: true }).first().click();
    await (await chooser).setFiles(files);
  }
  /** Types into the library's search box, as a person would. */
  async search(query: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Filter articles' }).fill(query);
  }
  /** What the search found in the articles' text, highlights and notes. */
  get searchResults(): Locator {
    return this.page.getByRole('region', { name: 'Found in your articles' });
  }
  searchResult(title: string): Locator {
    return this.searchResults.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: title }) });
  }
  /** Opens the search hit of the article `title` that shows `text`. */
  async openSearchHit(title: string, text: string): Promise<void> {
    await this.searchResult(title).getByRole('button').filter({ hasText: text }).first().click();
    await expect(this.page.getByRole('article', { name: title })).toBeVisible();
  }

  /** Ticks (or unticks) the article's checkbox; with `shift`, selects from the last one ticked to it. */
  async select(title: string, options: { shift?: boolean } = {}): Promise<void> {
    await this.row(title)
      .getByRole('checkbox', { name: 'Select' })
      .click(options.shift ? { modifiers: ['Shift'] } : {});
  }
  /** The bar of actions on the selected articles. */
  get selectionBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selected articles' });
  }
  /** Shows one shelf of the library: Inbox, Favorites, Archive or All. */
  async showShelf(name: 'Inbox' | 'Favorites' | 'Archive' | 'All'): Promise<void> {
    await this.page.getByRole('group', { name: 'Shelf' }).getByRole('button', { name, exact: true }).click();
  }
  /** "Add tags…" on the selection: types each tag, then confirms. */
  async tagSelection(tags: string[]): Promise<void> {
    await this.selectionBar.getByRole('button', { name: 'Add tags…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add tags' });
    for (const tag of tags) {
      await dialog.getByRole('combobox', { name: 'Add tag' }).fill(tag);
      await dialog.getByRole('combobox', { name: 'Add tag' }).press('Enter');
    }
    await dialog.getByRole('button', { name: /^Tag \d+ articles?$/ }).click();
    await expect(dialog).toHaveCount(0);
  }
  /** "Export as vault" on the selection; resolves with the downloaded zip's bytes. */
  async exportSelectionAsVault(): Promise<Buffer> {
    const pending = this.page.waitForEvent('download');
    await this.selectionBar.getByRole('button', { name: 'Export as vault' }).click();
    const download = await pending;
    return readFile(await download.path());
  }
}
