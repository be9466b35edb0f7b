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

  /** Opens one of the library's sections (Articles, Highlights, Entities). */
  async showSection(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }
}
