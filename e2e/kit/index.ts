/**
 * Sendsheet for Playwright tests: `import { test, expect } from 'sendsheet/playwright'`.
 *
 * Each worker starts one headless app (`sendsheet app --json --ephemeral --test-controls`) on
 * free ports and stops it at the end; each test gets the page objects (`sendsheet`), the
 * provider's test controls (`controls`, reset before and after every test that uses them or
 * the outbox), the outbox, and `startSendsheet` for apps of its own on folders it keeps (to kill
 * and restart them). README.md, "Testing with Playwright", is the manual.
 */
import { test as base } from '@playwright/test';
import type {
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  TestType,
} from '@playwright/test';
import type { QueuedMessage, TestControls } from '../../core/contract/test-controls';
import { choosePractice, startApp } from './app-process';
import type { ReadyLine, RunningApp, StartOptions } from './app-process';
import type { Language } from './names';
import { SendsheetPage } from './pages';

export { expect } from '@playwright/test';
export { choosePractice, startApp } from './app-process';
export type { ReadyLine, RestartOptions, RunningApp, StartOptions } from './app-process';
export { BATCH_STATES, namePattern, PRACTICE_SUCCESS, stateWords, UI_NAMES } from './names';
export type { BatchStateCode, Language, NameKey, UiName } from './names';
export { BatchView, SendsheetPage } from './pages';
export type { SpreadsheetFile, Totals } from './pages';
export { controlsClient } from '../../core/contract/test-controls';
export type {
  ControlsStatus,
  DownMode,
  QueuedMessage,
  ServerName,
  TestControls,
} from '../../core/contract/test-controls';

export interface SendsheetFixtures {
  /** The page objects, on the worker's app. */
  sendsheet: SendsheetPage;
  /** The provider's test controls; everything is reset before and after each test using them. */
  controls: TestControls;
  /** The messages the emulated provider queued (of one account, or all). */
  outbox: (account?: string) => Promise<QueuedMessage[]>;
  /** What the app's ready line said: URL, FTP ports, account, folders, pid. */
  ready: ReadyLine;
  /**
   * Starts an app of the test's own, on folders kept in the test's output folder (or
   * `folder`), practice chosen unless `firstRun: 'ask'`; it and every restart of it are
   * stopped when the test ends. For tests that kill an app and start it again on its folders.
   */
  startSendsheet: (options?: SendsheetStartOptions) => Promise<RunningApp>;
}

export interface SendsheetStartOptions extends StartOptions {
  /** `practice` (default): the first-run question answered as practice; `ask`: left open. */
  firstRun?: 'practice' | 'ask';
}

export interface SendsheetWorkerFixtures {
  /** The UI language the page objects use. Default English. */
  sendsheetLanguage: Language;
  /** More arguments for `sendsheet app` (the worker's app starts with them). */
  sendsheetArgs: string[];
  /**
   * Which app: specs with the same name share one (per worker); a spec whose tests need a
   * history of their own (what was sent before changes the confirmation) names its own.
   */
  sendsheetAppName: string;
  sendsheetApp: RunningApp;
}

/** An app whose restarts are kept in `started`, so the test's end stops whichever runs. */
function tracked(app: RunningApp, started: RunningApp[]): RunningApp {
  started.push(app);
  return {
    ...app,
    restart: async (options) => tracked(await app.restart(options), started),
  };
}

// Its type named in @playwright/test's own words: inferred, the declarations would name the
// `playwright` package inside it, which a project need not be able to resolve.
export const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & SendsheetFixtures,
  PlaywrightWorkerArgs & PlaywrightWorkerOptions & SendsheetWorkerFixtures
> = base.extend<SendsheetFixtures, SendsheetWorkerFixtures>({
  sendsheetLanguage: ['en', { option: true, scope: 'worker' }],
  sendsheetArgs: [[], { option: true, scope: 'worker' }],
  sendsheetAppName: ['shared', { option: true, scope: 'worker' }],
  sendsheetApp: [
    async ({ sendsheetArgs, sendsheetAppName }, use) => {
      const app = await startApp({ args: sendsheetArgs, name: sendsheetAppName });
      // The first-run question (practice or a provider account) answered as practice, so a
      // test starts where a person who chose practice is; startApp alone leaves it to be asked.
      await choosePractice(app.ready);
      try {
        await use(app);
      } finally {
        await app.stop();
      }
    },
    // The first start may build the UI.
    { scope: 'worker', timeout: 180_000 },
  ],
  ready: async ({ sendsheetApp }, use) => use(sendsheetApp.ready),
  controls: async ({ sendsheetApp }, use) => {
    const controls = sendsheetApp.controls;
    // Before: what earlier tests sent (with or without the controls) is not this test's outbox.
    await controls.reset({});
    await use(controls);
    await controls.reset({});
  },
  outbox: async ({ controls }, use) =>
    use((account) => controls.outbox(account ? { account } : {})),
  sendsheet: async ({ page, sendsheetApp, sendsheetLanguage }, use) =>
    use(new SendsheetPage(page, sendsheetApp.ready.url!, sendsheetLanguage)),
  startSendsheet: async ({ sendsheetArgs }, use, testInfo) => {
    const started: RunningApp[] = [];
    let folders = 0;
    try {
      await use(async ({ firstRun = 'practice', ...options } = {}) => {
        const folder = options.folder ?? testInfo.outputPath(`sendsheet-${++folders}`);
        const app = await startApp({ args: sendsheetArgs, ...options, folder });
        const own = tracked(app, started);
        if (firstRun === 'practice') await choosePractice(app.ready);
        return own;
      });
    } finally {
      for (const app of started) await app.stop();
      // A failing test's report shows what its apps said.
      if (testInfo.status !== testInfo.expectedStatus)
        for (const [index, app] of started.entries())
          await testInfo.attach(`sendsheet-${index + 1}.log`, { body: app.log() });
    }
  },
});
