/**
 * Issue 5: keyboard accessible, with labels a screen reader can read. Each main screen is
 * scanned with axe (WCAG 2.1 A and AA), and the main flow is done with the keyboard alone.
 */
import { expect, test } from 'sendsheet/playwright';
import type { Page } from '@playwright/test';
import { violations } from './axe';
import { BAD_FILE, FIXTURES } from './fixtures';

/** Presses Tab until the focused element matches `name`, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const label =
        element.getAttribute('aria-label') ??
        (element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null);
      return `${label ?? ''} ${element.textContent ?? ''}`.trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('every main screen passes axe (WCAG 2.1 A and AA)', async ({ page, ready }) => {
  // Seven axe scans: on a machine kept busy by other work they outlast the default 90 s.
  test.setTimeout(300_000);
  await page.goto(ready.url!);
  expect(await violations(page), 'the empty send screen').toEqual([]);

  await page.getByTestId('file-input').setInputFiles({
    name: FIXTURES[0]!.name,
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(FIXTURES[0]!.bytes),
  });
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
  expect(await violations(page), 'the preview').toEqual([]);

  await page.getByRole('button', { name: 'Send…' }).click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  expect(await violations(page), 'the confirmation').toEqual([]);
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();

  for (const screen of ['History', 'Inspect a file', 'Settings']) {
    await page.getByRole('button', { name: screen }).click();
    expect(await violations(page), screen).toEqual([]);
  }

  // Inspect with a customer's file: its problems, and the bytes around a bad byte.
  await page.getByRole('button', { name: 'Inspect a file' }).click();
  await page.getByTestId('inspect-input').setInputFiles({
    name: 'customer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('msisdn,message\r\n4520123456,Hej \x81\r\n12,\r\n', 'latin1'),
  });
  await expect(page.getByTestId('inspect-status')).toHaveText('Rejected');
  await expect(page.locator('.bad-byte')).toBeVisible();
  expect(await violations(page), 'inspect with a result').toEqual([]);

  // The preview of a file with errors, its problems shown.
  await page.getByRole('button', { name: 'Send a spreadsheet' }).click();
  await page.getByTestId('file-input').setInputFiles({
    name: BAD_FILE.name,
    mimeType: 'text/csv',
    buffer: Buffer.from(BAD_FILE.bytes),
  });
  await expect(page.getByTestId('total-errors')).toHaveText('2');
  expect(await violations(page), 'a preview with problems').toEqual([]);
});

test('the keyboard alone opens a file, reads the preview, and reaches Send', async ({
  page,
  ready,
}) => {
  await page.goto(ready.url!);
  await tabTo(page, /Choose a file/);
  const choosing = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (
    await choosing
  ).setFiles({
    name: FIXTURES[2]!.name,
    mimeType: 'text/csv',
    buffer: Buffer.from(FIXTURES[2]!.bytes),
  });
  await expect(page.getByTestId('total-recipients')).toHaveText('3');

  // The preview's rows scroll from the keyboard.
  await tabTo(page, /Messages, scroll with the arrow keys/);
  await expect(page.getByTestId('preview-scroller')).toBeFocused();

  // Send asks first; Escape leaves nothing sent and the focus where it was.
  await tabTo(page, /^Send…$/);
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).not.toBeVisible();
  await expect(page.getByRole('button', { name: 'Send…' })).toBeFocused();
  await expect(page.getByTestId('batch')).toHaveCount(0);

  // The other screens are reached from the keyboard too.
  await tabTo(page, /^Settings$/);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Default country')).toBeVisible();
});

test('Escape while the send is still being prepared gives the focus back to Send… once it is ready', async ({
  page,
  ready,
}) => {
  // The send's preparation is held until the confirmation is closed: Send… is disabled then,
  // so the browser cannot give the focus back to it by itself (as on a busy machine).
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/prepareSend', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(ready.url!);
  await page.getByTestId('file-input').setInputFiles({
    name: FIXTURES[2]!.name,
    mimeType: 'text/csv',
    buffer: Buffer.from(FIXTURES[2]!.bytes),
  });
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
  const send = page.getByRole('button', { name: 'Send…' });
  await send.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(send).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).not.toBeVisible();
  await expect(send).not.toBeFocused();
  release();
  await expect(send).toBeEnabled();
  await expect(send).toBeFocused();
  await expect(page.getByTestId('batch')).toHaveCount(0);
});
