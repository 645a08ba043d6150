import { defineConfig } from '@playwright/test';

/**
 * The desktop window end to end, through Playwright's Electron launcher (npm run
 * test:electron). It needs Electron's binary, which `npm run setup:electron` fetches where it
 * can be downloaded; without it every test here is skipped, with the reason printed.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.e2e.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
