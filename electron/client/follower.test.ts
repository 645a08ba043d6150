// Issue 4, live status (SPEC 1, 8): batches followed by listing, through to .success and to
// .rejected with the cause read back into rows, columns and codes; several at once; and the
// clear ends when following stops or the file goes.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_CSV, connect, startTestProvider, upload } from '../server/ftp-test-util';
import { accountRoot } from '../server/layout';
import type { TestProvider } from '../server/ftp-test-util';
import { batchNames } from './batch-names';
import type { BatchNames } from './batch-names';
import { campaign, testProfile } from './client-test-util';
import { deliver } from './deliver';
import { Failover } from './failover';
import { Follower } from './follower';
import type { FollowUpdate } from './follower';

let provider: TestProvider;
let serial = 0;

beforeAll(async () => {
  provider = await startTestProvider();
});

afterAll(async () => {
  await provider.close();
});

const timings = { connectTimeoutMs: 5000, idleTimeoutMs: 10_000 };
/** Long enough for any batch here to end, however busy the machine; only a bug reaches it. */
const FOLLOW_MS = 20_000;

function profile() {
  return testProfile([provider.servers[0]!.port, provider.servers[1]!.port]);
}

/** Sends bytes as they are, past core's check, as a client that is not ours would. */
async function sent(name: string, bytes: Uint8Array): Promise<BatchNames> {
  serial++;
  const names = batchNames(name, `fol${String(serial).padStart(7, '0')}`);
  const result = await deliver(new Failover(profile(), timings), names, bytes, {
    giveUpAfterMs: 1000,
  });
  expect(result.ok).toBe(true);
  return names;
}

function follower(intervalMs = 50) {
  const updates: FollowUpdate[] = [];
  const ended = new Map<string, (update: FollowUpdate) => void>();
  const instance = new Follower(new Failover(profile(), timings), { intervalMs }, (update) => {
    updates.push(update);
    if (['success', 'rejected', 'timed-out', 'vanished'].includes(update.state))
      ended.get(update.id)?.(update);
  });
  const end = (id: string) => new Promise<FollowUpdate>((resolve) => ended.set(id, resolve));
  return { instance, updates, end };
}

describe('SPEC 1: following a batch through the life cycle by listing', () => {
  it('several batches at once: each to .success, with its stamp, in order of the stages', async () => {
    const a = await sent('one.csv.ready', campaign(3, 1));
    const b = await sent(
      'two.csv.excel.ready',
      Buffer.from('msisdn;message\r\n4512345678;Hej\r\n'),
    );
    const { instance, updates, end } = follower();
    try {
      const until = Date.now() + FOLLOW_MS;
      const ends = [end(a.id), end(b.id)];
      instance.follow({ id: a.id, names: a, until });
      instance.follow({ id: b.id, names: b, until });
      const [first, second] = await Promise.all(ends);
      for (const [update, names] of [
        [first!, a],
        [second!, b],
      ] as const) {
        expect(update).toMatchObject({ id: names.id, state: 'success', server: { name: 'A' } });
        if (!('stamp' in update)) return;
        expect(update.stamp).toMatch(/^\d{8}T\d{6}$/);
        const states = updates.filter((u) => u.id === names.id).map((u) => u.state);
        // Each change told once, only forward.
        expect(new Set(states).size).toBe(states.length);
        expect(states.at(-1)).toBe('success');
      }
      expect(instance.size).toBe(0);
    } finally {
      await instance.close();
    }
  });

  it('to .rejected, downloading the file and reading its cause back into problems (SPEC 8)', async () => {
    const names = await sent('bad.csv.ready', Buffer.from(BAD_CSV));
    const { instance, end } = follower();
    try {
      const ended = end(names.id);
      instance.follow({ id: names.id, names, until: Date.now() + FOLLOW_MS });
      const update = await ended;
      expect(update.state).toBe('rejected');
      if (!('cause' in update)) return;
      expect(update.error).toBeNull();
      expect(update.cause).toMatchObject({ total: 1, more: 0 });
      expect(update.cause!.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(update.cause!.problems).toEqual([
        { row: 2, column: 'msisdn', code: 'bad-msisdn', message: expect.stringContaining('123') },
      ]);
    } finally {
      await instance.close();
    }
  });

  it('a cause in a Windows-1252 Excel file with many problems, "... and K more" kept', async () => {
    const rows = ['msisdn;message'];
    for (let i = 0; i < 120; i++) rows.push(`12;Caf\xe9 ${i}`);
    const bytes = Buffer.from(rows.join('\r\n') + '\r\n', 'latin1');
    const names = await sent('many.csv.cp1252.excel.ready', bytes);
    const { instance, end } = follower();
    try {
      const ended = end(names.id);
      instance.follow({ id: names.id, names, until: Date.now() + FOLLOW_MS });
      const update = await ended;
      if (!('cause' in update)) throw new Error(`ended ${update.state}`);
      expect(update.cause).toMatchObject({ total: 120, more: 20 });
      expect(update.cause!.problems).toHaveLength(100);
      expect(update.cause!.problems[99]).toMatchObject({
        row: 101,
        column: 'msisdn',
        code: 'bad-msisdn',
      });
    } finally {
      await instance.close();
    }
  });

  it('stops following after the time given, with a clear timed-out state', async () => {
    // A name that is never processed: a file of ours still under its temporary name.
    serial++;
    const names = batchNames('never.csv.ready', `fol${String(serial).padStart(7, '0')}`);
    const client = await connect(provider);
    await upload(client, names.readyName.replace('.ready', '.waiting'), 'x');
    client.close();
    // Listings 100 ms apart: within the 150 ms given, the missing file cannot be missed the
    // three times that make a batch vanished, so only the time-out can end it.
    const { instance, end } = follower(100);
    try {
      const ended = end(names.id);
      const started = Date.now();
      instance.follow({
        id: names.id,
        names,
        until: started + 150,
        known: { state: 'ready', stamp: null },
      });
      const update = await ended;
      expect(update).toMatchObject({
        state: 'timed-out',
        error: expect.stringContaining('still .ready'),
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await instance.close();
    }
  });

  it('a batch whose file is not on the server in three listings in a row has vanished', async () => {
    serial++;
    const names = batchNames('gone.csv.ready', `fol${String(serial).padStart(7, '0')}`);
    const { instance, updates, end } = follower(30);
    try {
      const ended = end(names.id);
      instance.follow({
        id: names.id,
        names,
        until: Date.now() + FOLLOW_MS,
        known: { state: 'ready', stamp: null },
      });
      const update = await ended;
      expect(update).toMatchObject({
        state: 'vanished',
        error: expect.stringContaining('no longer on the server'),
      });
      expect(updates).toHaveLength(1);
    } finally {
      await instance.close();
    }
  });
});

describe('Issue 15: a batch is found among stray files an earlier server left', () => {
  it('a sent batch with a stray later .rejected beside its .success is told success', async () => {
    const names = await sent('stray.csv.ready', campaign(2, 1));
    const root = accountRoot(provider.layout, 'demo');
    let success: string | undefined;
    await expect
      .poll(
        async () => (success = (await readdir(root)).find((n) => n.startsWith(`${names.base}.`))),
        { timeout: FOLLOW_MS, interval: 20 },
      )
      .toMatch(/\.success$/);
    // What a server before issue 15 could leave: the placeholder of a second claim, a second
    // later, rejected after a kill -9.
    const stamp = /\.(\d{8}T\d{6})\.success$/.exec(success!)![1]!;
    const later = new Date(
      Date.UTC(
        Number(stamp.slice(0, 4)),
        Number(stamp.slice(4, 6)) - 1,
        Number(stamp.slice(6, 8)),
        Number(stamp.slice(9, 11)),
        Number(stamp.slice(11, 13)),
        Number(stamp.slice(13, 15)) + 1,
      ),
    )
      .toISOString()
      .replace(/[-:]|\.\d{3}Z$/g, '');
    await writeFile(
      join(root, `${names.base}.${later}.rejected`),
      `\n\n# REJECTED 2026-01-01T00:00:00Z: 1 problem\n# internal-error: the server stopped\n`,
    );
    const { instance, updates, end } = follower();
    try {
      const ended = end(names.id);
      instance.follow({ id: names.id, names, until: Date.now() + FOLLOW_MS });
      expect(await ended).toMatchObject({ state: 'success', stamp });
      expect(updates.map((u) => u.state)).not.toContain('rejected');
    } finally {
      await instance.close();
    }
  });
});
