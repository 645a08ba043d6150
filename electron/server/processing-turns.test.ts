// Issue 16: `npm run bench` crashed with basic-ftp's "Timeout (control socket)" on a busy
// machine. Both servers answer their clients on the thread that processes the files, and a
// 30 MiB file was checked in one synchronous call: seconds without an answer to anyone, past a
// client's time-out. The check now runs a piece at a time, with the event loop's turn between
// pieces; here a client's command is answered in the middle of a file's check.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextTurn } from '../base/next-turn';
import { connect, finished, startTestProvider, upload, waitForNames } from './ftp-test-util';
import type { TestProvider } from './ftp-test-util';
import { readOutbox } from './outbox';
import type { Client } from 'basic-ftp';

let provider: TestProvider;
let client: Client;
let other: Client;
/** The commands answered while a check was paused, and the pauses. */
let answered = 0;
let pauses = 0;

beforeAll(async () => {
  provider = await startTestProvider({
    pause: async () => {
      pauses++;
      // Another client's command, answered before the check goes on: the check waits for it,
      // so it is answered only if the server runs its other work between pieces.
      if (pauses === 1) {
        await other.send('NOOP');
        answered++;
      }
      await nextTurn();
    },
  });
  client = await connect(provider, { server: 0 });
  other = await connect(provider, { server: 1 });
});

afterAll(async () => {
  client.close();
  other.close();
  await provider.close();
  await rm(provider.dir, { recursive: true, force: true });
});

describe('issue 16: a large file is checked a piece at a time, the servers answering meanwhile', () => {
  it('a 3 MiB file: checked in pieces, a command answered between two, every message queued', async () => {
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `45${20_000_000 + i};Hej kunde ${i}, din pakke er klar til afhentning i dag`,
    );
    const bytes = Buffer.from(`msisdn;message\r\n${rows.join('\r\n')}\r\n`);
    expect(bytes.length).toBeGreaterThan(3 * 2 ** 20);
    await upload(client, 'large.csv.excel', bytes);
    await client.rename('large.csv.excel', 'large.csv.excel.ready');
    await waitForNames(client, (n) => finished(n, 'large.csv.excel', 'success') !== undefined);
    expect(pauses).toBeGreaterThanOrEqual(3);
    expect(answered).toBe(1);
    const queued = (await readOutbox(provider.dir)).filter((r) => r.batch.startsWith('large.'));
    expect(queued.map((r) => r.row)).toEqual(rows.map((_, i) => i + 2));
  });
});
