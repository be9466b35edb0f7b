import type { Locator, Page } from '@playwright/test';

/**
 * How far the window itself is scrolled, and how far it could be: the app
 * scrolls only inside its panels, so both stay 0 whatever the panels do.
 */
export function windowScroll(page: Page): Promise<{ scrollY: number; scrollX: number; overflowY: number }> {
  return page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    return {
      scrollY: window.scrollY,
      scrollX: window.scrollX,
      overflowY: Math.max(0, doc.scrollHeight - window.innerHeight),
    };
  });
}

/** Scrolls a panel to its end with the mouse wheel, past the end, as an impatient reader does. */
export async function wheelToEnd(panel: Locator): Promise<void> {
  const page = panel.page();
  await panel.hover();
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 4000);
  // Wheel scrolling is asynchronous; let it land.
  await page.waitForTimeout(250);
}
