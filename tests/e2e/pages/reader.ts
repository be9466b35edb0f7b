// The reading screen: toolbar, the article, its sidebar, the find bar.
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import type { GlossServer } from '../../support/gloss-server';
import { clickPhrase, selectPhrase } from '../../support/annotations-helpers';

export class ReaderPage {
  readonly readingArea: Locator;
  readonly sidebar: Locator;
  readonly findBar: Locator;
  readonly notifications: Locator;

  constructor(readonly page: Page) {
    this.readingArea = page.getByRole('main', { name: 'Reading area' });
    this.sidebar = page.getByRole('complementary', { name: 'Article sidebar' });
    this.findBar = page.getByRole('search', { name: 'Find in article' });
    this.notifications = page.getByRole('status', { name: 'Notifications' });
  }

  /** Opens an article straight from its address, as a reload would. */
  async goto(gloss: GlossServer, id: string): Promise<void> {
    await this.page.goto(`${gloss.origin}/?article=${encodeURIComponent(id)}#token=${gloss.token}`);
    await expect(this.page.getByRole('article')).toBeVisible();
  }

  article(title: string): Locator {
    return this.page.getByRole('article', { name: title });
  }

  toolbarButton(name: string): Locator {
    return this.page.getByRole('banner').getByRole('button', { name, exact: true });
  }

  async backToLibrary(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to library' }).click();
  }

  sidebarTab(name: 'Annotations' | 'Entities'): Locator {
    return this.sidebar.getByRole('tab', { name });
  }

  /** The open sidebar tab's scrolling panel. */
  get sidebarPanel(): Locator {
    return this.sidebar.getByRole('tabpanel');
  }

  async openFind(): Promise<Locator> {
    await this.readingArea.focus();
    await this.page.keyboard.press('Control+f');
    const field = this.findBar.getByRole('searchbox', { name: 'Find in article' });
    await expect(field).toBeFocused();
    return field;
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
  /** Exports the article as Markdown from the toolbar and returns the downloaded file's text. */
  async exportMarkdown(options: { highlightsOnly?: boolean } = {}): Promise<string> {
    await this.toolbarButton('Export Markdown').click();
    const dialog = this.page.getByRole('dialog', { name: 'Export Markdown' });
    if (options.highlightsOnly) await dialog.getByRole('radio', { name: 'Highlights only' }).check();
    const pending = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    return readFile(await (await pending).path(), 'utf8');
  }

  /** Opens "Contents" in the toolbar and chooses the heading called `title`. */
  async goToHeading(title: string): Promise<void> {
    await this.toolbarButton('Contents').click();
    await this.page.getByRole('dialog', { name: 'Contents' }).getByRole('button', { name: title, exact: true }).click();
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
}
