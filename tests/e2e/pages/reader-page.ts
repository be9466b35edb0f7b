import type { Locator, Page } from '@playwright/test';
import { selectPhrase } from '../../support/annotations-helpers';

/** The reading screen: the article, the selection toolbar, the sidebar, the way back. */
export class ReaderPage {
  constructor(readonly page: Page) {}

  article(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }

  get sidebar(): Locator {
    return this.page.getByRole('complementary', { name: 'Article sidebar' });
  }

  /** Selects a phrase with the mouse and highlights it in a color from the selection toolbar. */
  async highlight(phrase: string, color: 'Yellow' | 'Green' | 'Blue' | 'Pink' | 'Purple'): Promise<void> {
    await selectPhrase(this.page, phrase);
    await this.page
      .getByRole('toolbar', { name: 'Selection' })
      .getByRole('button', { name: color, exact: true })
      .click();
  }

  async backToLibrary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to library' }).first().click();
  }
}
