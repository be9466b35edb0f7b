import { defineConfig } from '@playwright/test';

// Checks that need the real Electron program (npm run test:electron). Not part
// of `npm test`: Electron downloads its binary on first launch, which needs
// internet access and a display. Run `npm run build` first.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
});
