import { test as base } from '@playwright/test';
import { startGlossServer, type GlossServer } from './gloss-server';

/** Every test gets its own browser-mode server over a temporary library, removed afterwards. */
export const test = base.extend<{ gloss: GlossServer; requests: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  gloss: async ({}, use) => {
    const server = await startGlossServer({ welcome: false });
    await use(server);
    await server.stop();
  },
  /** Every URL the page asked for: the offline promise is that all are on our own origin. */
  requests: async ({ page }, use) => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await use(urls);
  },
});

export { expect } from '@playwright/test';
