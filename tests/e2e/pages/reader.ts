// The reading screen: toolbar, the article, its sidebar, the find bar.
import { expect, type Locator, type Page } from '@playwright/test';
import type { GlossServer } from '../../support/gloss-server';

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
}
