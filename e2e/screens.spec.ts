/**
 * Issue 12: the main screens, as README.md shows them (docs/screens/). Made on an app of their
 * own, with nothing sent before, at one window size, so each run makes the same pictures: empty
 * start, a file opened with its totals and messages, the send confirmation, the batch followed
 * to success, History, Inspect and Settings (e2e/readme-screens.ts names them).
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES } from './fixtures';
import { startApp } from './kit/app-process';
import type { RunningApp } from './kit/app-process';
import { MADE_DIR, SCREEN_SIZE, SCREENS } from './readme-screens';
import type { Screen } from './readme-screens';

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app?.stop();
});

test.use({ viewport: SCREEN_SIZE });

const made = new Set<Screen>();

async function shoot(page: Page, name: Screen): Promise<void> {
  await mkdir(MADE_DIR, { recursive: true });
  // Carets and animations would make pictures differ from run to run.
  made.add(name);
  await page.screenshot({
    path: join(MADE_DIR, `${name}.png`),
    caret: 'hide',
    animations: 'disabled',
  });
}

test('the main screens, for the README', async ({ page }) => {
  await page.goto(app.ready.url!);
  // A fresh app asks first where messages go.
  await expect(page.getByRole('heading', { name: 'Welcome to Sendsheet' })).toBeVisible();
  await shoot(page, 'first-run');
  await page.getByRole('button', { name: /Practice on this computer/ }).click();
  await expect(page.getByRole('heading', { name: '1. Open a spreadsheet' })).toBeVisible();
  await shoot(page, 'start');

  await page.getByTestId('file-input').setInputFiles({
    name: FIXTURES[0]!.name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(FIXTURES[0]!.bytes),
  });
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
  await expect(page.locator('[role=row][data-row]')).toHaveCount(3);
  // The totals at the top, the list of every message below them.
  await page
    .getByRole('heading', { name: '4. Check the messages' })
    .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await page.evaluate(
    () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
  );
  await shoot(page, 'preview');

  await page.getByRole('button', { name: /Replace look-alikes/ }).click();
  await expect(page.getByTestId('total-parts')).toHaveText('4');
  await page.getByRole('button', { name: 'Send…' }).click();
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText(
    '3 recipients, 4 SMS parts, with the profile Practice on this computer',
  );
  await shoot(page, 'confirm');

  await dialog.getByRole('button', { name: 'Send 3 messages' }).click();
  const batch = page.getByTestId('batch').last();
  await expect(batch.getByTestId('batch-state')).toHaveAttribute('data-state', 'success', {
    timeout: 60_000,
  });
  await batch.scrollIntoViewIfNeeded();
  await shoot(page, 'sent');

  await page.getByRole('button', { name: 'History' }).click();
  const rows = page.locator('table.history tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.getByRole('button', { name: /Details/ }).click();
  await expect(page.getByTestId('campaign-outcome').first()).toHaveAttribute(
    'data-state',
    'success',
  );
  await expect(rows).toContainText('Accepted by the practice server');
  await shoot(page, 'history');

  await page.getByRole('button', { name: 'Inspect a file' }).click();
  await page.getByTestId('inspect-input').setInputFiles({
    name: 'customer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('msisdn;message\r\n4520123456;Hej \x81\r\n', 'latin1'),
  });
  await page.getByLabel('Name on the server').fill('customer.csv.excel.ready');
  await expect(page.getByTestId('inspect-status')).toHaveText('Rejected');
  await page.evaluate(
    () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
  );
  await shoot(page, 'inspect');

  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: /Practice on this computer/ })).toContainText(
    'Server B',
  );
  await shoot(page, 'settings');
  expect([...made]).toEqual([...SCREENS]);
});
