/**
 * The flows of issue 5, in Chromium against headless mode: open each kind of file, map, check
 * the preview, fix look-alikes, export and compare with core, send and follow to `success`.
 */
import { expect, test } from 'sendsheet/playwright';
import { readFile } from 'node:fs/promises';
import { writeExport } from '../core/writer';
import { violations } from './axe';
import { BAD_FILE, EXPECTED_MESSAGES, FIXTURES, LOOKALIKE_MESSAGE } from './fixtures';

import { drop, screenshot } from './page-helpers';

// The first send of the fixtures' messages, then the same again: a history of its own.
test.use({ sendsheetAppName: 'flows' });

for (const fixture of FIXTURES) {
  test(`${fixture.name}: drop, map, preview, fix look-alikes, export, send to success`, async ({
    page,
    ready,
    outbox: queuedMessages,
  }) => {
    await page.goto(ready.url!);
    await expect(page.getByRole('heading', { name: '1. Open a spreadsheet' })).toBeVisible();
    if (fixture === FIXTURES[0]) await screenshot(page, '1-open');
    await drop(page, fixture);

    // Mapping: guessed from the Danish names.
    await expect(page.getByLabel('Phone number')).toHaveValue('0');
    await expect(page.getByLabel('Message column')).toHaveValue('2');

    // Preview: parts and encodings as core counts them (SPEC 7).
    await expect(page.getByTestId('total-recipients')).toHaveText('3');
    await expect(page.getByTestId('total-parts')).toHaveText('5');
    await expect(page.getByTestId('total-ucs2')).toHaveText('2');
    await expect(page.getByTestId('total-errors')).toHaveText('0');
    const rows = page.locator('[role=row][data-row]');
    await expect(rows).toHaveCount(3);
    await expect(rows.getByTestId('encoding')).toHaveText(['Special', 'Special', 'Standard']);
    await expect(rows.getByTestId('parts')).toHaveText(['2', '1', '2']);
    await expect(rows.first().locator('mark')).toHaveText('’');
    await expect(rows.first()).toContainText('4520123456');

    // Look-alikes: the saving is shown before the person agrees.
    await expect(page.getByTestId('parts-saved')).toHaveText('1 SMS part');
    if (fixture === FIXTURES[0]) await screenshot(page, '2-preview');
    await page.getByRole('button', { name: /Replace look-alikes/ }).click();
    await expect(page.getByTestId('total-parts')).toHaveText('4');
    await expect(rows.getByTestId('encoding')).toHaveText(['Standard', 'Special', 'Standard']);
    await expect(rows.first()).toContainText(LOOKALIKE_MESSAGE.replace('’', "'"));

    // Export: the bytes are the ones core writes for these messages.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export file' }).click();
    const download = await downloading;
    const written = writeExport(EXPECTED_MESSAGES, {
      baseName: 'november',
      format: 'excel',
      encoding: 'auto',
    });
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    // Issue 14: named as the server needs it, less `.ready` (as november.csv it was rejected).
    expect(download.suggestedFilename()).toBe('november.csv.cp1252.excel');
    expect(download.suggestedFilename()).toBe(written.files[0]!.savedName);
    const exported = new Uint8Array(await readFile(await download.path()));
    expect(exported).toEqual(written.files[0]!.bytes);
    await expect(page.getByTestId('export-result')).toContainText(written.files[0]!.uploadName);
    await expect(page.getByTestId('export-result')).toContainText(
      'upload it under this name, then rename it on the server by adding .ready',
    );

    // Send: a confirmation that states recipients, parts and profile; then the live timeline.
    await page.getByRole('button', { name: 'Send…' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText(
      '3 recipients, 4 SMS parts, with the profile Practice on this computer',
    );
    if (fixture === FIXTURES[0]) {
      await screenshot(page, '3-confirm');
      await dialog.getByRole('button', { name: 'Send 3 messages' }).click();
    } else {
      // Issue 13: the same three people in another kind of file are the same messages, sent
      // by the first of these tests: said so, and sent again only by its own button.
      await expect(dialog.getByTestId('confirm-earlier')).toContainText(
        'All 3 messages were sent before.',
      );
      await expect(dialog.getByRole('button', { name: 'Send 3 messages' })).toHaveCount(0);
      await dialog.getByRole('button', { name: /Send again anyway/ }).click();
    }
    const batch = page.getByTestId('batch').last();
    // Issue 14: the focus goes to the batch sent, not to the page's body.
    await expect(batch).toBeFocused();
    await expect(batch.getByTestId('batch-state')).toHaveAttribute('data-state', 'success', {
      timeout: 60_000,
    });
    if (fixture === FIXTURES[0]) {
      await screenshot(page, '4-sent');
      expect(await violations(page), 'the timeline').toEqual([]);
    }

    // The emulated server queued exactly these messages.
    const outbox = await queuedMessages();
    const uploadName = (await batch.locator('code').first().textContent())!.replace(/\.ready$/, '');
    const queued = outbox.filter((record) => record.batch.startsWith(uploadName));
    expect(queued.map((record) => ({ msisdn: record.msisdn, message: record.message }))).toEqual(
      EXPECTED_MESSAGES,
    );
    expect(queued.map((record) => record.encoding)).toEqual(['GSM-7', 'UCS-2', 'GSM-7']);
  });
}

test('a file with errors is stopped before sending, with its problems shown', async ({
  page,
  ready,
}) => {
  await page.goto(ready.url!);
  await drop(page, BAD_FILE);
  await expect(page.getByTestId('total-errors')).toHaveText('2');
  await expect(page.getByRole('button', { name: 'Send…' })).toBeDisabled();
  await expect(page.getByRole('alert').first()).toContainText(
    '2 messages have problems the provider would reject',
  );
  await page.getByLabel('Show').selectOption('problems-only');
  const rows = page.locator('[role=row][data-row]');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('The phone number "call me" must be digits only');
  await expect(rows.nth(1)).toContainText('The message is empty.');
  await page.getByRole('button', { name: 'Export file' }).click();
  await expect(page.getByTestId('send-error')).toContainText('Nothing was exported');
  await expect(page.getByTestId('send-error')).toContainText('Row 3: The message is empty.');
  await screenshot(page, '5-problems');
});

test('history lists the batches sent, and opens one', async ({ page, ready }) => {
  await page.goto(ready.url!);
  await page.getByRole('button', { name: 'History' }).click();
  const rows = page.locator('table.history tbody tr');
  // The worker's app is shared with the specs before this one, which may have sent too.
  await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(FIXTURES.length);
  await expect(rows.first()).toContainText(
    'Accepted by the practice server: no SMS left this computer',
  );
  await expect(rows.first()).not.toContainText('success');
  await rows
    .first()
    .getByRole('button', { name: /Details/ })
    .click();
  await expect(page.getByTestId('campaign-outcome').first()).toHaveAttribute(
    'data-state',
    'success',
  );
  await screenshot(page, '6-history');
  expect(await violations(page), 'the history with its batches').toEqual([]);
});

test('inspect shows what the server does with a customer file, bytes around a bad byte', async ({
  page,
  ready,
}) => {
  await page.goto(ready.url!);
  await page.getByRole('button', { name: 'Inspect a file' }).click();
  const bytes = new Uint8Array([
    ...new TextEncoder().encode('msisdn;message\r\n4520123456;Hej '),
    0x81,
    0x0d,
    0x0a,
  ]);
  await page
    .getByTestId('inspect-input')
    .setInputFiles({ name: 'customer.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  await page.getByLabel('Name on the server').fill('customer.csv.excel.ready');
  await expect(page.getByTestId('inspect-status')).toHaveText('Rejected');
  await expect(page.getByTestId('inspect-result')).toContainText('bad-encoding');
  await expect(page.locator('.bad-byte')).toContainText('81');
  await screenshot(page, '7-inspect');
});

test('settings show the server profiles and keep the default country', async ({ page, ready }) => {
  await page.goto(ready.url!);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: /Practice on this computer/ })).toContainText(
    'Server A',
  );
  await expect(page.getByRole('form', { name: /Practice on this computer/ })).toContainText(
    'Server B',
  );
  // Issue 15: where a password is kept is said in the window, not only on stderr.
  await expect(page.getByRole('form', { name: /GatewayAPI/ })).toContainText(
    'Password kept for this run only',
  );
  await page.getByLabel('Default country').selectOption('DE');
  await screenshot(page, '8-settings');
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Default country')).toHaveValue('DE');
  await page.getByLabel('Default country').selectOption('DK');
});

test('a message written as a template is filled per row, and a wrong placeholder is named', async ({
  page,
  ready,
}) => {
  await page.goto(ready.url!);
  await drop(page, FIXTURES[0]!);
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
  await page.getByLabel(/Write a message/).check();
  await page.getByLabel('Message text').fill('Hej {Navn}, velkommen');
  const rows = page.locator('[role=row][data-row]');
  await expect(rows.nth(1)).toContainText('Hej Bo, velkommen');
  await expect(page.getByTestId('total-parts')).toHaveText('3');
  await page.getByLabel('Message text').fill('Hej {Nvan}');
  await expect(
    page.getByRole('alert').filter({ hasText: 'No column is called {Nvan}' }),
  ).toBeVisible();
  await screenshot(page, '10-template');
});

test('more messages than the rows per file are sent as several files, each followed', async ({
  page,
  ready,
}) => {
  await page.goto(ready.url!);
  await drop(page, FIXTURES[2]!);
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
  await page.getByLabel('Messages per file').fill('2');
  await page.getByRole('button', { name: 'Send…' }).click();
  // Split into other files, the same messages as sent before: its own button sends them again.
  await expect(page.getByTestId('confirm-earlier')).toContainText('sent before');
  await page
    .getByTestId('confirm-dialog')
    .getByRole('button', { name: /Send again anyway/ })
    .click();
  const batches = page.getByTestId('batch');
  await expect(batches).toHaveCount(2);
  for (const batch of await batches.all()) {
    await expect(batch.getByTestId('batch-state')).toHaveAttribute('data-state', 'success', {
      timeout: 60_000,
    });
  }
  // Each named by the spreadsheet it came from, with its file, its state in words (issue 14),
  // and marked as practice beside its state (issue 13).
  await expect(batches.first().getByRole('heading')).toHaveText(
    'november.csv, file november-1-of-2.csv — Accepted by the practice server: no SMS left this computer Practice',
  );
  await expect(batches.first()).toContainText('2 messages,');
  await expect(batches.last()).toContainText('november.csv, file november-2-of-2.csv');
  await expect(batches.last()).toContainText('1 message,');
});
