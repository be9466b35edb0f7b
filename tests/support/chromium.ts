import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium, headless, with nothing that talks to the network on its
 * own (this machine has no network, and the offline tests count requests).
 * `GLOSS_CHROMIUM` points at another build. Shared by the e2e tests and the bench.
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
