import { expect, type Locator, type Page } from '@playwright/test';

/** The library screen as a user meets it: the article list, Import, and the sections' tabs. */
export class LibraryPage {
  constructor(readonly page: Page) {}

  get articles(): Locator {
    return this.page.getByRole('list', { name: 'Articles' });
  }

  /** Imports files through the Import button's file picker. */
  async import(files: string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import', exact: true }).first().click();
    await (await chooser).setFiles(files);
  }

  /** Opens an article from the list by its title and waits for the reader to show it. */
  async openArticle(title: string): Promise<void> {
    await this.articles
      .getByRole('link', { name: title })
      .or(this.articles.getByRole('button', { name: title }))
      .first()
      .click();
    await expect(this.page.getByRole('article', { name: title })).toBeVisible();
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

  /** Opens one of the library's sections (Articles, Highlights, Entities). */
  async showSection(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
}
