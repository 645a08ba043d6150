import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'basic-ftp';
import { describe, expect, it } from 'vitest';
import { parseCause } from '../../core/cause';
import type { FaultStep } from './faults';
import {
  connect,
  download,
  finished,
  GOOD_CSV,
  names,
  startTestProvider,
  upload,
  waitForNames,
} from './ftp-test-util';
import { accountRoot, layoutOf } from './layout';
import { readOutbox } from './outbox';

/** Starts provider-child.ts and gives its lines as they come. */
function child(dir: string, step: FaultStep) {
  const process_ = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'provider-child.ts'), dir, step],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: process_.stdout })[Symbol.asyncIterator]();
  const next = async <T>(): Promise<T> => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the provider process ended early');
    return JSON.parse(value as string) as T;
  };
  return { process: process_, next };
}

describe('SPEC 9: a server killed mid-processing picks the file up again and never queues a message twice', () => {
  it.each([
    ['before its batch is queued', 'queue'],
    ['after its batch is queued, before .success', 'committed'],
  ] as const)('killed %s', async (_when, step) => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-restart-'));
    const killed = child(dir, step);
    try {
      const { ports } = await killed.next<{ ports: number[] }>();
      const client = new Client(10_000);
      await client.access({ host: '127.0.0.1', port: ports[0], user: 'demo', password: 'demo' });
      await upload(client, 'list.csv.ready', GOOD_CSV);
      const { held } = await killed.next<{ held: string }>();
      client.close();
      killed.process.kill('SIGKILL');
      await new Promise((resolve) => killed.process.once('exit', resolve));
      expect(await readdir(accountRoot(layoutOf(dir), 'demo'))).toEqual([held]);
      expect(await readOutbox(dir)).toHaveLength(step === 'committed' ? 2 : 0);
    } finally {
      killed.process.kill('SIGKILL');
    }

    const restarted = await startTestProvider({ dir });
    const client = await connect(restarted);
    try {
      const found = await waitForNames(
        client,
        (n) => finished(n, 'list.csv', 'success') !== undefined,
      );
      expect(found).toEqual([finished(found, 'list.csv', 'success')]);
      const records = await readOutbox(dir);
      expect(records.map((r) => r.msisdn)).toEqual(['4512345678', '4512345679']);
      const accepted = restarted.logs.find((e) => e.message.startsWith('accepted'))!.message;
      expect(accepted.includes('queued by an earlier run, not again')).toBe(step === 'committed');
      expect(restarted.logs[0]!.message).toBe('resuming: the server stopped while processing it');
      expect(await names(client)).toHaveLength(1);
    } finally {
      client.close();
      await restarted.close();
    }
  });
});

describe('Issue 15: a file whose processing kills the server counts as an attempt', () => {
  it('killed in the middle of the same file five times, the server rejects it with internal-error without trying it again, and serves on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-crashloop-'));
    const root = accountRoot(layoutOf(dir), 'demo');
    let held = '';
    for (let kill = 1; kill <= 5; kill++) {
      const killed = child(dir, 'queue');
      try {
        const { ports } = await killed.next<{ ports: number[] }>();
        if (kill === 1) {
          const client = new Client(10_000);
          await client.access({
            host: '127.0.0.1',
            port: ports[1],
            user: 'demo',
            password: 'demo',
          });
          await upload(client, 'boom.csv.ready', GOOD_CSV);
          client.close();
        }
        held = (await killed.next<{ held: string }>()).held;
      } finally {
        killed.process.kill('SIGKILL');
      }
      await new Promise((resolve) => killed.process.once('exit', resolve));
      // Counted before the attempt started, so the kill did not undo it.
      const record = JSON.parse(
        await readFile(join(layoutOf(dir).retries, 'demo', `${held}.json`), 'utf8'),
      ) as { attempts: number; running: boolean };
      expect(record).toMatchObject({ attempts: kill, running: true });
    }
    expect(await readdir(root)).toEqual([held]);

    const restarted = await startTestProvider({ dir });
    const client = await connect(restarted);
    try {
      const found = await waitForNames(
        client,
        // The .rejected file appears first, then the .processing one goes.
        (n) => n.length === 1 && finished(n, 'boom.csv', 'rejected') !== undefined,
      );
      expect(found).toEqual([held.replace(/\.processing$/, '.rejected')]);
      const cause = parseCause((await download(client, found[0]!)).toString());
      expect(cause?.problems).toEqual([
        {
          row: null,
          column: null,
          code: 'internal-error',
          message: expect.stringContaining(
            'after 5 attempts (the server stopped while processing it)',
          ),
        },
      ]);
      expect(await readOutbox(dir)).toEqual([]);
      // Given up on without one more attempt: no attempt was started in this run.
      expect(restarted.logs.map((e) => e.message)).not.toContainEqual(
        expect.stringMatching(/^accepted|^attempt 6/),
      );
      await upload(client, 'next.csv.ready', GOOD_CSV);
      await waitForNames(client, (n) => finished(n, 'next.csv', 'success') !== undefined);
    } finally {
      client.close();
      await restarted.close();
    }
  });
});
