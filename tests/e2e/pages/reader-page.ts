import type { Locator, Page } from '@playwright/test';
import { clickPhrase, selectPhrase } from '../../support/annotations-helpers';

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

  /** Opens the highlight on `phrase` and adds a tag to it. */
  async tagHighlight(phrase: string, tag: string): Promise<void> {
    await clickPhrase(this.page, phrase);
    const popover = this.page.getByRole('dialog', { name: 'Highlight' });
    await popover.getByRole('combobox', { name: 'Add tag' }).fill(tag);
    await popover.getByRole('combobox', { name: 'Add tag' }).press('Enter');
    await popover.getByRole('button', { name: `Remove tag ${tag}` }).waitFor();
    await this.page.keyboard.press('Escape');
  }

  /** The line under the header that says what reader mode set aside, with its list once shown. */
  get removedPassages(): Locator {
    return this.page.getByRole('complementary', { name: 'What reader mode removed' });
  }

  async showWhatWasRemoved(): Promise<void> {
    await this.removedPassages.getByRole('button', { name: 'Show what was removed' }).click();
  }

  /** "Keep this paragraph" on the removed passage that starts with `text`. */
  async keepRemovedParagraph(text: string): Promise<void> {
    await this.removedPassages.getByRole('button', { name: `Keep this paragraph: ${text}` }).click();
  }

  /** Opens "Edit details", fills the named fields, and saves. */
  async editDetails(fields: Record<string, string>): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit details' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'Edit details' });
    for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async backToLibrary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to library' }).first().click();
  }
}
