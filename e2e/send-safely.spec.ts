/**
 * Issue 13, send safely, as a marketing person would: the first run's choice, practice marked
 * wherever it matters, the same list never sent twice by accident (and "send again" when meant),
 * a send interrupted (the app killed) and resumed sent once, rows left out of the export and the
 * outbox, the cost known first, and a test to one's own number. On the fixture of
 * `sendsheet/playwright`: the sends on an app of their own (the worker's, named), the first run
 * and the killed send on apps each test starts on folders it keeps; what was queued is read
 * through the provider's `outbox` control.
 */
import { expect, test } from 'sendsheet/playwright';
import type { QueuedMessage } from 'sendsheet/playwright';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

test.use({ locale: 'en-US' });
// The worker's app of this file: its History and sent-before checks hold only what it sent.
test.use({ sendsheetAppName: 'send-safely' });

/** A list as Excel saves it in Denmark: semicolons, one person a row. */
function list(name: string, rows: [string, string, string][]) {
  const text = ['Telefon;Navn;Besked', ...rows.map((row) => row.join(';'))].join('\r\n') + '\r\n';
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

async function open(page: Page, file: ReturnType<typeof list>): Promise<void> {
  await page.getByRole('button', { name: 'Send a spreadsheet' }).click();
  await page.getByTestId('file-input').setInputFiles(file);
}

/** The messages queued for files whose upload name starts with `base`, by number. */
async function queued(
  outbox: (account?: string) => Promise<QueuedMessage[]>,
  base: string,
): Promise<string[]> {
  return (await outbox())
    .filter((record) => record.batch.startsWith(`${base}-`))
    .map((record) => record.msisdn)
    .sort();
}

async function sendAll(page: Page, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Send…' }).click();
  await page
    .getByTestId('confirm-dialog')
    .getByRole('button', { name: `Send ${count} message${count === 1 ? '' : 's'}` })
    .click();
}

test.describe('issue 13: on an app of its own, practice chosen', () => {
  test('a second send of the same list is stopped, naming the first; "send again" sends it', async ({
    page,
    ready,
    outbox,
  }) => {
    await page.goto(ready.url!);
    const file = list('twice.csv', [
      ['+45 20 99 10 01', 'Ann', 'Twice: hello Ann'],
      ['+45 20 99 10 02', 'Bo', 'Twice: hello Bo'],
    ]);
    await open(page, file);
    await sendAll(page, 2);
    const batches = page.getByTestId('batch');
    await expect(batches.getByTestId('batch-state')).toHaveAttribute('data-state', 'success', {
      timeout: 60_000,
    });

    // The same list again, from the start: the confirmation says when and in which batch.
    await page.reload();
    await open(page, file);
    await page.getByRole('button', { name: 'Send…' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    const earlier = dialog.getByTestId('confirm-earlier');
    await expect(earlier).toContainText('All 2 messages were sent before.');
    await expect(earlier).toContainText('2 messages sent on');
    await expect(earlier).toContainText('twice.csv (practice)');
    await expect(dialog.getByRole('button', { name: 'Send 2 messages' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await queued(outbox, 'twice')).toHaveLength(2);

    // One more person, and one with other words: the overlap is counted.
    await open(
      page,
      list('twice-more.csv', [
        ['+45 20 99 10 01', 'Ann', 'Twice: hello Ann'],
        ['+45 20 99 10 02', 'Bo', 'Twice: other words for Bo'],
        ['+45 20 99 10 03', 'Cy', 'Twice: hello Cy'],
      ]),
    );
    await page.getByRole('button', { name: 'Send…' }).click();
    await expect(earlier).toContainText(
      '1 of these messages was sent before: the same text to the same numbers.',
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Meant: sent again, by its own button.
    await open(page, file);
    await page.getByRole('button', { name: 'Send…' }).click();
    await dialog.getByRole('button', { name: 'Send again anyway (2 messages twice)' }).click();
    await expect(batches.last().getByTestId('batch-state')).toHaveAttribute(
      'data-state',
      'success',
      {
        timeout: 60_000,
      },
    );
    expect(await queued(outbox, 'twice')).toEqual([
      '4520991001',
      '4520991001',
      '4520991002',
      '4520991002',
    ]);
  });

  test('rows left out are in neither the export nor the outbox, and are saved with their reasons', async ({
    page,
    ready,
    outbox,
  }) => {
    await page.goto(ready.url!);
    await open(
      page,
      list('leftout.csv', [
        ['+45 20 99 20 01', 'Ann', 'Left out: hello Ann'],
        ['80 20 30 40', 'Bo', 'Left out: hello Bo'],
        ['+49 30 1234567', 'Cy', 'Left out: hello Cy'],
        ['+45 20 99 20 04', 'Di', 'Left out: hello Di'],
        ['+45 20 99 20 01', 'Ann', 'Left out: hello Ann again'],
        ['12', 'Ed', 'Left out: hello Ed'],
      ]),
    );
    await expect(page.getByTestId('total-recipients')).toHaveText('6');
    await expect(page.getByRole('button', { name: 'Send…' })).toBeDisabled();
    const panel = page.getByRole('region', { name: 'Rows to send' });
    await panel
      .getByRole('button', { name: 'Leave out 3 rows that cannot receive an SMS' })
      .click();
    // A warning still in is named by the confirmation.
    await page.getByRole('button', { name: 'Send…' }).click();
    await expect(page.getByTestId('confirm-warnings')).toContainText(
      'Still in the send: 1 number that is in the list twice',
    );
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();
    await panel.getByRole('button', { name: 'Leave out 1 repeated number' }).click();
    await expect(panel.getByRole('button', { name: /rows with problems/ })).toBeDisabled();
    await expect(page.getByTestId('total-recipients')).toHaveText('2');
    await expect(page.getByTestId('total-left-out')).toHaveText('4');
    // One row by hand, out and back in.
    const di = page.getByRole('checkbox', { name: 'Send row 5' });
    await di.uncheck();
    await expect(page.getByTestId('total-recipients')).toHaveText('1');
    await di.check();
    await expect(page.getByTestId('total-recipients')).toHaveText('2');

    const exporting = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export file' }).click();
    const exported = await readFile(await (await exporting).path(), 'latin1');
    expect(exported).toContain('4520992001');
    expect(exported).toContain('4520992004');
    for (const gone of ['4580203040', '49301234567', 'hello Ann again', 'hello Ed'])
      expect(exported).not.toContain(gone);

    const saving = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Save the left-out rows as a spreadsheet' }).click();
    const saved = await saving;
    expect(saved.suggestedFilename()).toBe('leftout-left-out.csv');
    const rows = (await readFile(await saved.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('Row;Phone number;Message;Why it was left out');
    expect(rows.slice(1, -1)).toHaveLength(4);
    expect(rows[1]).toMatch(/^3;80 20 30 40;Left out: hello Bo;Cannot receive an SMS: .*toll-free/);
    expect(rows[2]).toMatch(/^4;'\+49 30 1234567;.*Cannot receive an SMS: .*landline/);
    expect(rows[3]).toMatch(
      /^6;'\+45 20 99 20 01;.*Repeated number: The number 4520992001 is also in row 2/,
    );
    expect(rows[4]).toMatch(
      /^7;12;Left out: hello Ed;"Cannot receive an SMS: The phone number ""12"" has 2 digits/,
    );

    await sendAll(page, 2);
    await expect(page.getByTestId('batch').getByTestId('batch-state')).toHaveAttribute(
      'data-state',
      'success',
      {
        timeout: 60_000,
      },
    );
    expect(await queued(outbox, 'leftout')).toEqual(['4520992001', '4520992004']);
  });

  test('practice is marked: the top bar, the confirmation, the timeline and History', async ({
    page,
    ready,
  }) => {
    await page.goto(ready.url!);
    await expect(page.getByTestId('practice-badge')).toHaveText(
      'Practice: nothing leaves this computer',
    );
    await open(page, list('practice.csv', [['+45 20 99 30 01', 'Ann', 'Practice: hello']]));
    await page.getByRole('button', { name: 'Send…' }).click();
    await expect(page.getByTestId('confirm-practice')).toContainText('No SMS is sent to anyone.');
    await page
      .getByTestId('confirm-dialog')
      .getByRole('button', { name: 'Send 1 message' })
      .click();
    const batch = page.getByTestId('batch');
    await expect(batch.getByTestId('batch-state')).toHaveAttribute('data-state', 'success', {
      timeout: 60_000,
    });
    await expect(batch).toContainText('Accepted by the practice server: no SMS left this computer');
    await page.getByRole('button', { name: 'History' }).click();
    await expect(page.locator('table.history tbody tr').first()).toContainText(
      'Accepted by the practice server: no SMS left this computer',
    );
    await page.getByRole('button', { name: 'Settings' }).click();
    await page
      .getByRole('form', { name: /Practice on this computer/ })
      .getByRole('button', { name: 'Test connection' })
      .click();
    const result = page.getByTestId('connection-emulated');
    await expect(result).toContainText('Connected: logged in as demo');
    await expect(result).toContainText('certificate fingerprint');
  });

  test('the cost shown is the price times the parts: totals, confirmation and History', async ({
    page,
    ready,
  }) => {
    await page.goto(ready.url!);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Currency').fill('DKK');
    await page.getByLabel('Price per SMS part').fill('0.25');
    // Germany at its own price.
    await page.getByRole('button', { name: 'Add a price for a country' }).click();
    await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Germany (+49)' });
    await page.getByLabel('Its price per SMS part').fill('0.5');
    await page.getByRole('button', { name: 'Save prices' }).click();
    await expect(page.getByText('Saved: DKK 0.25 per SMS part.')).toBeVisible();
    await open(
      page,
      list('priced.csv', [
        ['+45 20 99 40 01', 'Ann', 'Priced: one part'],
        ['+45 20 99 40 02', 'Bo', `Priced: two parts ${'x'.repeat(160)}`],
        ['+49 1511 2345678', 'Cy', 'Priced: one part to Germany'],
      ]),
    );
    const parts = Number(await page.getByTestId('total-parts').textContent());
    expect(parts).toBe(4);
    // Three parts to Denmark at the one price, one to Germany at its own.
    const expected = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'DKK',
    }).format(3 * 0.25 + 1 * 0.5);
    await expect(page.getByTestId('total-cost')).toHaveText(expected);
    await page.getByRole('button', { name: 'Send…' }).click();
    await expect(page.getByTestId('confirm-cost')).toHaveText(expected);
    await page
      .getByTestId('confirm-dialog')
      .getByRole('button', { name: 'Send 3 messages' })
      .click();
    await expect(page.getByTestId('batch')).toContainText(`estimated ${expected}`);
    await page.getByRole('button', { name: 'History' }).click();
    await expect(page.locator('table.history tbody tr').first()).toContainText(expected);
  });

  test('"Send a test to me": the chosen row\'s message to one\'s own number, marked as a test', async ({
    page,
    ready,
    outbox: queuedMessages,
  }) => {
    await page.goto(ready.url!);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Your own mobile number').fill('+45 20 99 50 09');
    await page.getByRole('button', { name: 'Save my number' }).click();
    await expect(page.getByText('Saved: 4520995009.')).toBeVisible();
    await open(
      page,
      list('tested.csv', [
        ['+45 20 99 50 01', 'Ann', 'Tested: hello Ann'],
        ['+45 20 99 50 02', 'Bo', 'Tested: hello Bo'],
      ]),
    );
    await page.locator('[role=row][data-row="3"]').getByText('Tested: hello Bo').click();
    await page.getByRole('button', { name: 'Send a test to me' }).click();
    const batch = page.getByTestId('batch');
    await expect(batch).toContainText('Test to your own number');
    await expect(batch.getByTestId('batch-state')).toHaveAttribute('data-state', 'success', {
      timeout: 60_000,
    });
    const outbox = (await queuedMessages()).filter((r) => r.batch.startsWith('tested-test-'));
    expect(outbox.map((r) => [r.msisdn, r.message])).toEqual([['4520995009', 'Tested: hello Bo']]);
    // A test is never held against the campaign: the list itself is sent as new.
    await page.getByRole('button', { name: 'Send…' }).click();
    await expect(page.getByTestId('confirm-earlier')).toHaveCount(0);
    await expect(
      page.getByTestId('confirm-dialog').getByRole('button', { name: 'Send 2 messages' }),
    ).toBeVisible();
  });
});

test.describe('issue 13: the first run', () => {
  test('asks where messages go: a provider account is tested first; practice is marked after', async ({
    page,
    startSendsheet,
  }) => {
    const app = await startSendsheet({ firstRun: 'ask' });
    await page.goto(app.ready.url!);
    await expect(page.getByRole('heading', { name: 'Welcome to Sendsheet' })).toBeVisible();
    await page.getByRole('button', { name: /My provider account/ }).click();
    const account = page.getByRole('form', { name: 'My provider account' });
    await account.getByLabel('User name').fill('someone');
    await account.getByLabel('Password').fill('not-a-real-password');
    await account.getByRole('button', { name: 'Test the connection' }).click();
    // No network here: the provider's servers cannot be reached, and it says so plainly.
    await expect(account.getByTestId('connection-gatewayapi')).toContainText('Not connected', {
      timeout: 30_000,
    });
    await expect(account.getByRole('button', { name: 'Use my account' })).toHaveCount(0);
    await account.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: /Practice on this computer/ }).click();
    await expect(page.getByRole('heading', { name: '1. Open a spreadsheet' })).toBeVisible();
    await expect(page.getByTestId('practice-badge')).toBeVisible();
    // Chosen once, for every page after.
    await page.reload();
    await expect(page.getByRole('heading', { name: '1. Open a spreadsheet' })).toBeVisible();
  });
});

test.describe('issue 13: a send interrupted (the app killed) and resumed is sent once', () => {
  test('killed after the rename: sent once; killed before the upload: not sent, and Try again sends it once', async ({
    page,
    startSendsheet,
  }) => {
    test.setTimeout(180_000);
    // Both steps' runs on the same folders: the second step's history holds the first's send.
    const folder = test.info().outputPath('killed');
    for (const step of ['after-rename', 'before-upload'] as const) {
      const base = `killed-${step}`;
      const file = list(`${base}.csv`, [
        ['+45 20 99 60 01', 'Ann', `${step}: hello Ann`],
        ['+45 20 99 60 02', 'Bo', `${step}: hello Bo`],
        ['+45 20 99 60 03', 'Cy', `${step}: hello Cy`],
      ]);
      const frozen = await startSendsheet({ folder, env: { SENDSHEET_FREEZE_AT: step } });
      await page.goto(frozen.ready.url!);
      await open(page, file);
      await sendAll(page, 3);
      await expect.poll(() => frozen.log(), { timeout: 30_000 }).toContain(`frozen at ${step}`);
      await frozen.kill();

      // On the same folders, without the freeze: what the killed run left is resumed.
      const again = await frozen.restart({ env: {} });
      try {
        await page.goto(again.ready.url!);
        await page.getByRole('button', { name: 'History' }).click();
        const row = page.locator('table.history tbody tr').first();
        await expect(row).toContainText(`${base}.csv`);
        if (step === 'before-upload') {
          await expect(row.getByTestId('campaign-outcome')).toHaveText('Not sent', {
            timeout: 60_000,
          });
          expect(await queued(again.outbox, base)).toEqual([]);
          await row.getByRole('button', { name: /Details/ }).click();
          await page.getByRole('button', { name: /Try again/ }).click();
        }
        await expect(
          page.locator('table.history tbody tr').first().getByTestId('campaign-outcome'),
        ).toHaveText('Accepted by the practice server: no SMS left this computer', {
          timeout: 60_000,
        });
        expect(await queued(again.outbox, base)).toEqual([
          '4520996001',
          '4520996002',
          '4520996003',
        ]);
        // The same list once more: it was sent, and says so.
        await open(page, file);
        await page.getByRole('button', { name: 'Send…' }).click();
        await expect(page.getByTestId('confirm-earlier')).toContainText(
          'All 3 messages were sent before.',
        );
      } finally {
        await again.stop();
      }
    }
  });
});
