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

/**
 * The visible controls (buttons, fields, links, tabs) that a notification lies
 * over, named as a screen reader would name them. A toast must leave all of them clear.
 */
export function controlsUnderNotifications(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const region = document.querySelector('[role="status"][aria-label="Notifications"]');
    const toasts = [...(region?.children ?? [])].map((toast) => toast.getBoundingClientRect());
    const controls = document.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, a[href], [role="tab"], [role="searchbox"], [tabindex]:not([tabindex="-1"])',
    );
    const covered: string[] = [];
    for (const control of controls) {
      if (region?.contains(control) || control.closest('[inert], [hidden]')) continue;
      const r = control.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const overlaps = toasts.some((t) => r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom);
      if (overlaps)
        covered.push(
          control.getAttribute('aria-label') ?? (control.textContent ?? control.tagName).trim().slice(0, 40),
        );
    }
    return covered;
  });
}
