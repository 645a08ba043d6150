/** SPEC 9: the emulated server's own failures (faults played in) are retried, then rejected. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCause } from '../../core/cause';
import { Faults } from './faults';
import {
  connect,
  download,
  finished,
  GOOD_CSV,
  startTestProvider,
  upload,
  waitForNames,
} from './ftp-test-util';
import { readOutbox } from './outbox';

describe("SPEC 9: the server's own failures are retried, then rejected with internal-error", () => {
  it('fails twice, then succeeds: queued once, and each failure logged', async () => {
    const faults = new Faults();
    const retrying = await startTestProvider({ faults, retry: { intervalMs: 100 } });
    const client = await connect(retrying);
    try {
      faults.failNext(2);
      await upload(client, 'retry.csv.ready', GOOD_CSV);
      const found = await waitForNames(
        client,
        (n) => finished(n, 'retry.csv', 'success') !== undefined,
      );
      expect(found.filter((n) => n.startsWith('retry.csv.'))).toHaveLength(1);
      expect(faults.pendingFailures).toBe(0);
      const warnings = retrying.logs.filter((e) => e.level === 'warn').map((e) => e.message);
      expect(warnings).toEqual([
        expect.stringMatching(/^attempt 1 of 5 failed: the message queue could not be written/),
        expect.stringMatching(/^attempt 2 of 5 failed: /),
      ]);
      expect(await readOutbox(retrying.dir)).toHaveLength(2);
    } finally {
      client.close();
      await retrying.close();
    }
  });

  it('after the fifth failure the file is .rejected with internal-error, and nothing is queued', async () => {
    const faults = new Faults();
    const failing = await startTestProvider({ faults, retry: { intervalMs: 50 } });
    const client = await connect(failing);
    try {
      faults.failNext(5, 'the disk is on fire');
      await upload(client, 'doomed.csv.ready', GOOD_CSV);
      const found = await waitForNames(
        client,
        (n) => finished(n, 'doomed.csv', 'rejected') !== undefined,
      );
      const bytes = await download(client, finished(found, 'doomed.csv', 'rejected')!);
      expect(bytes.subarray(0, GOOD_CSV.length).toString()).toBe(GOOD_CSV);
      const cause = parseCause(bytes.toString());
      expect(cause?.problems).toEqual([
        {
          row: null,
          column: null,
          code: 'internal-error',
          message: expect.stringContaining('after 5 attempts (the disk is on fire)'),
        },
      ]);
      expect(await readOutbox(failing.dir)).toEqual([]);
      expect(await readdir(join(failing.layout.retries, 'demo'))).toEqual([]);
    } finally {
      client.close();
      await failing.close();
    }
  });

  it('the retry count is kept on disk: a restarted server goes on counting', async () => {
    const faults = new Faults();
    const first = await startTestProvider({ faults, retry: { intervalMs: 60_000 } });
    const client = await connect(first);
    faults.failNext(3);
    await upload(client, 'counted.csv.ready', GOOD_CSV);
    await waitForNames(client, () =>
      first.logs.some((e) => e.message.startsWith('attempt 1 of 5 failed')),
    );
    client.close();
    await first.close();
    const second = await startTestProvider({ dir: first.dir, faults, retry: { intervalMs: 50 } });
    const again = await connect(second);
    try {
      await waitForNames(again, (n) => finished(n, 'counted.csv', 'success') !== undefined);
      const warnings = second.logs
        .filter((e) => e.level === 'warn')
        .map((e) => e.message.slice(0, 'attempt N'.length));
      expect(warnings).toEqual(['attempt 2', 'attempt 3']);
    } finally {
      again.close();
      await second.close();
    }
  });
});
