/**
 * The kit's apps of a test's own (`startSendsheet`): on folders the test keeps, killed as a
 * crash would kill them, and started again on the same folders, on the same ports when asked;
 * what the provider queued before is still in the outbox that the new run's control reads.
 */
import { existsSync } from 'node:fs';
import { SendsheetPage, expect, startApp, test } from 'sendsheet/playwright';

/** Whether a process of this id still runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('killed, then restarted on the same folders and ports: the outbox and the history stay', async ({
  page,
  startSendsheet,
}) => {
  const first = await startSendsheet();
  expect(first.ready.ephemeral).toBe(false);
  expect(first.ready.dataDir).toBe(test.info().outputPath('sendsheet-1', 'app'));
  const sendsheet = new SendsheetPage(page, first.ready.url!);
  await sendsheet.goto();
  const list = 'Phone;Message\r\n4520997001;Kept across a crash\r\n';
  await sendsheet.openFile({ name: 'kept.csv', bytes: new TextEncoder().encode(list) });
  await sendsheet.map({ phone: 'Phone', message: 'Message' });
  await sendsheet.send(1);
  await sendsheet.batch('kept.csv').expectState('success');

  await first.kill();
  expect(alive(first.ready.pid)).toBe(false);
  expect(existsSync(first.ready.dataDir!)).toBe(true);
  expect(existsSync(first.ready.providerDir!)).toBe(true);

  const second = await first.restart({ samePorts: true });
  expect(second.ready.pid).not.toBe(first.ready.pid);
  expect(new URL(second.ready.url!).origin).toBe(new URL(first.ready.url!).origin);
  expect(second.ready.ftp).toEqual(first.ready.ftp);
  expect(second.ready.dataDir).toBe(first.ready.dataDir);
  expect(second.ready.providerDir).toBe(first.ready.providerDir);
  // A new run, a new secret.
  expect(second.ready.secret).not.toBe(first.ready.secret);
  expect((await second.outbox('demo')).map((queued) => queued.msisdn)).toEqual(['4520997001']);
  // Its History has the send of the run before.
  await page.goto(second.ready.url!);
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.locator('table.history tbody tr').first()).toContainText('kept.csv');

  // Stopped cleanly this time (restart stops it first), and on new free ports.
  const third = await second.restart();
  expect(alive(second.ready.pid)).toBe(false);
  expect(third.ready.dataDir).toBe(first.ready.dataDir);
  expect(await third.outbox('demo')).toHaveLength(1);
});

test('an app on temporary folders cannot be restarted: nothing of it is left', async () => {
  const app = await startApp({ name: 'ephemeral' });
  try {
    expect(app.ready.ephemeral).toBe(true);
    await expect(app.restart()).rejects.toThrow(/temporary folders/);
  } finally {
    await app.stop();
  }
  expect(existsSync(app.ready.dataDir!)).toBe(false);
});
