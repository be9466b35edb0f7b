// A PDF's page view in the reader: the Pages controls of the toolbar and the drawn pages.
import { expect, type Locator, type Page } from '@playwright/test';

export class PdfPagesPage {
  readonly controls: Locator;
  readonly pageNumber: Locator;
  readonly zoom: Locator;

  constructor(readonly page: Page) {
    this.controls = page.getByRole('banner').getByRole('group', { name: 'Pages' });
    this.pageNumber = this.controls.getByRole('textbox', { name: 'Page number' });
    this.zoom = this.controls.getByLabel('Zoom', { exact: true });
  }

  button(name: 'Zoom in' | 'Zoom out' | 'Fit width' | 'Text' | 'Pages'): Locator {
    return this.controls.getByRole('button', { name, exact: true });
  }

  async goToPage(n: number): Promise<void> {
    await this.pageNumber.fill(String(n));
    await this.pageNumber.press('Enter');
    await expect(this.pageNumber).toHaveValue(String(n));
  }

  /** How many pixels of page `region`'s drawing are not white (0 while it is not drawn). */
  async inkedPixels(region: Locator): Promise<number> {
    return region.evaluate((section) => {
      const canvas = section.querySelector('canvas');
      if (!canvas || canvas.width === 0) return 0;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 3]! > 0) inked++;
      return inked;
    });
  }

  /** The on-screen width of the drawn page `region`, in CSS pixels. */
  async width(region: Locator): Promise<number> {
    return region.evaluate((section) => section.getBoundingClientRect().width);
  }
}
