import { defineConfig } from '@playwright/test';
import { CHROMIUM } from './e2e/chromium';
import { writeReadmeSample } from './e2e/readme-sample';

// The README's sample test runs as it is written there.
writeReadmeSample();

/**
 * End-to-end tests of the UI in Debian's Chromium (`apt-get install chromium`; Playwright's own
 * browser download is never used) against headless mode, `sendsheet app`, started once per
 * worker by the fixture of `sendsheet/playwright` (e2e/kit/) with its emulated servers and test
 * controls. Screenshots of each main screen go to test-results/screens/.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // One worker, one app: the flows run one after another on it.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 1000 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: CHROMIUM,
  },
});
