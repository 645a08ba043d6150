/**
 * Failover (SPEC 0), with server A taken down by the provider's test controls. On an app of its
 * own (a worker option other than the default): the other specs' app has sent these messages
 * before, and here they must go as a first send would, through server B.
 */
import { expect, test } from 'sendsheet/playwright';
import { FIXTURES } from './fixtures';
import { drop, screenshot } from './page-helpers';

test.use({ sendsheetAppName: 'failover' });

test('failover: with server A down the batch goes through server B', async ({
  page,
  ready,
  controls,
  outbox: queuedMessages,
}) => {
  await controls.down({ server: 'A' });
  await page.goto(ready.url!);
  await drop(page, FIXTURES[2]!);
  await expect(page.getByTestId('total-recipients')).toHaveText('3');
  await page.getByRole('button', { name: 'Send…' }).click();
  await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Send 3 messages' }).click();
  const batch = page.getByTestId('batch').last();
  await expect(batch.getByTestId('batch-state')).toHaveAttribute('data-state', 'success', {
    timeout: 60_000,
  });
  await expect(batch.getByTestId('batch-server')).toHaveText('B');
  await expect(batch.getByTestId('batch-note')).not.toBeEmpty();
  await screenshot(page, '9-failover');
  const uploadName = (await batch.locator('code').first().textContent())!.replace(/\.ready$/, '');
  const outbox = (await queuedMessages()).filter((record) => record.batch.startsWith(uploadName));
  expect(outbox.map((record) => record.msisdn)).toEqual(['4520123456', '4520123457', '4520123458']);
});
