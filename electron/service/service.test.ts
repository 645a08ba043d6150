// Issue 4, the service: a file checked with core before it is sent (SPEC 1-7), sent with the
// emulated profile (FTPS pinned), followed to its end with each state in the history, and the
// history kept across a restart, unfinished batches followed again.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulatedProfile } from '../backend/practice';
import { FtpSession } from '../client/ftp-session';
import { connect, GOOD_CSV, names } from '../server/ftp-test-util';
import { readOutbox } from '../server/outbox';
import { serviceHarness } from './service-test-util';

const harness = serviceHarness();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('issue 4: send checks with core first, then uploads and follows to the end', () => {
  it('a good file: uploading with progress -> ready -> success, each state timed and in the history', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    const { service, seen, until } = await harness.start(dataDir);
    try {
      const sent = await service.sendFile({ path: 'good.csv', profile: 'emulated' });
      expect(sent.ok).toBe(true);
      if (!sent.ok) return;
      expect(sent.batch).toMatchObject({
        state: 'uploading',
        fileName: 'good.csv',
        rows: 2,
        parts: 2,
      });
      expect(sent.batch.uploadName).toBe(`good-${sent.batch.id}.csv.ready`);
      const end = await until(sent.batch.id, ['success', 'rejected', 'failed']);
      expect(end).toMatchObject({ state: 'success', server: 'A', note: null, error: null });
      expect(end.stamp).toMatch(/^\d{8}T\d{6}$/);
      expect(Object.keys(end.times)).toEqual(
        expect.arrayContaining(['uploading', 'ready', 'success']),
      );
      expect(
        seen.some((b) => b.progress?.percent === 100 && b.progress.bytes === GOOD_CSV.length),
      ).toBe(true);
      const history = await service.history({});
      expect(history[0]).toMatchObject({
        id: end.id,
        state: 'success',
        stamp: end.stamp,
        progress: null,
      });
      const batches = (await readOutbox(harness.provider.dir)).filter((r) =>
        r.batch.startsWith(`good-${end.id}.csv.`),
      );
      expect(batches.map((r) => r.msisdn)).toEqual(['4512345678', '4512345679']);
    } finally {
      await service.close();
    }
  });

  it('a file core rejects is not sent: the verdict comes back and nothing reaches the server', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    const { service, seen } = await harness.start(dataDir);
    try {
      const sent = await service.sendFile({ path: 'bad.csv', profile: 'emulated' });
      expect(sent).toMatchObject({
        ok: false,
        error: 'Not sent: the provider would reject bad.csv.ready (1 problem).',
      });
      if (sent.ok) return;
      expect(sent.verdict?.problems).toMatchObject([
        { row: 2, column: 'msisdn', code: 'bad-msisdn' },
      ]);
      expect(seen).toEqual([]);
      expect(await service.history({})).toEqual([]);
      const client = await connect(harness.provider);
      expect((await names(client)).filter((name) => name.startsWith('bad'))).toEqual([]);
      client.close();
    } finally {
      await service.close();
    }
  });

  it('rejected by the server (SPEC 9: internal-error after five failed attempts): the cause is read back', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    const { service, until } = await harness.start(dataDir);
    try {
      harness.faults.failNext(5);
      const sent = await service.sendFile({
        path: 'good.csv',
        profile: 'emulated',
        as: 'retried.csv',
      });
      if (!sent.ok) throw new Error(sent.error);
      const end = await until(sent.batch.id, ['success', 'rejected', 'failed']);
      expect(end.state).toBe('rejected');
      expect(end.cause).toMatchObject({
        total: 1,
        problems: [{ row: null, column: null, code: 'internal-error' }],
      });
      expect((await service.history({}))[0]?.cause?.problems[0]?.code).toBe('internal-error');
    } finally {
      await service.close();
    }
  });

  it('answers what it cannot do as values: an unknown profile, a missing file, no password', async () => {
    const { service } = await harness.start(await mkdtemp(join(tmpdir(), 'sendsheet-data-')));
    try {
      expect(await service.sendFile({ path: 'good.csv', profile: 'nope' })).toMatchObject({
        ok: false,
        error: 'There is no profile "nope".',
      });
      expect(await service.sendFile({ path: 'missing.csv', profile: 'emulated' })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Cannot read .*missing\.csv: there is no such file\.$/),
      });
      expect(await service.sendFile({ path: 'good.csv', profile: 'gatewayapi' })).toMatchObject({
        ok: false,
        error: 'The profile "GatewayAPI legacy FTP" has no password yet.',
      });
      const updated = await service.updateProfile({
        profile: 'gatewayapi',
        user: 'alice',
        password: 'secret',
      });
      expect(updated).toMatchObject({ ok: true, profile: { user: 'alice', hasPassword: true } });
      expect(JSON.stringify(await service.profiles({}))).not.toContain('secret');
    } finally {
      await service.close();
    }
  });
});

describe('issue 13: a history that cannot be saved stops a send before anything goes', () => {
  it('nothing is sent unrecorded: a crash could not be told from a batch never sent', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    const { service } = await harness.start(dataDir);
    try {
      // Something took the history file's place: it can be neither read nor replaced.
      await rm(join(dataDir, 'history.json'), { force: true });
      await mkdir(join(dataDir, 'history.json', 'in-the-way'), { recursive: true });
      const sent = await service.sendFile({
        path: 'good.csv',
        profile: 'emulated',
        as: 'nohist.csv',
      });
      expect(sent).toMatchObject({
        ok: false,
        verdict: null,
        error: expect.stringMatching(
          /^Not sent: the history could not be saved \(.+\), and without it Sendsheet could not tell later whether these messages were sent\.$/,
        ),
      });
      expect(await service.batches({})).toEqual([]);
      const client = await connect(harness.provider);
      expect((await names(client)).filter((name) => name.startsWith('nohist'))).toEqual([]);
      client.close();
    } finally {
      await service.close();
    }
  });
});

describe('issue 4: closing the app stops a send that is waiting for the servers', () => {
  it('closes at once, and the batch ends failed, saying nothing was sent', async () => {
    const { closedPort } = await import('../client/net-test-util');
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    const down = {
      ...emulatedProfile({
        host: '127.0.0.1',
        servers: [
          { name: 'A', port: await closedPort() },
          { name: 'B', port: await closedPort() },
        ],
        certificate: null,
      }),
    };
    // After a round of both servers refusing, the send waits 10 minutes before the next: a
    // close that waited for it would end long past this test's time-out.
    const wait = 10 * 60_000;
    const { service, seen } = await harness.start(dataDir, {
      profiles: [down],
      timings: {
        pollIntervalMs: 50,
        connectTimeoutMs: 1000,
        giveUpAfterMs: 3 * wait,
        backoff: { firstMs: wait, maxMs: wait },
      },
    });
    const open = vi.spyOn(FtpSession, 'open');
    const sent = await service.sendFile({ path: 'good.csv', profile: 'emulated' });
    if (!sent.ok) throw new Error(sent.error);
    const refused = () => open.mock.settledResults.filter((r) => r.type === 'rejected').length;
    while (refused() < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    await service.close();
    expect(open).toHaveBeenCalledTimes(2);
    expect(seen.at(-1)).toMatchObject({
      state: 'failed',
      error: 'Stopped before anything was sent.',
    });
    const again = await harness.start(dataDir, { resume: false });
    expect((await again.service.history({}))[0]).toMatchObject({
      id: sent.batch.id,
      state: 'failed',
    });
    await again.service.close();
  });
});

describe('issue 4: the history survives a restart, and unfinished batches are followed again', () => {
  it('a batch still .processing when the app stopped is followed to .success by the next start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    const held = harness.faults.hold('queue');
    const first = await harness.start(dataDir);
    let id: string;
    try {
      const sent = await first.service.sendFile({
        path: 'good.csv',
        profile: 'emulated',
        as: 'held.csv',
      });
      if (!sent.ok) throw new Error(sent.error);
      id = sent.batch.id;
      await held.reached;
      const processing = await first.until(id, ['processing']);
      expect(processing.stamp).toMatch(/^\d{8}T\d{6}$/);
    } finally {
      await first.service.close();
    }
    expect((await first.service.history({}))[0]).toMatchObject({ id, state: 'processing' });
    held.release();

    const second = await harness.start(dataDir);
    try {
      const end = await second.until(id, ['success', 'rejected', 'vanished', 'timed-out']);
      expect(end.state).toBe('success');
      const history = await second.service.history({});
      expect(history).toHaveLength(1);
      expect(Object.keys(history[0]!.times)).toEqual(
        expect.arrayContaining(['uploading', 'ready', 'processing', 'success']),
      );
      expect(await second.service.clearHistory({})).toEqual({ cleared: 1 });
    } finally {
      await second.service.close();
    }
    const third = await harness.start(dataDir, { resume: false });
    expect(await third.service.history({})).toEqual([]);
    await third.service.close();
  });

  it('the app and `sendsheet send` running at once on one data folder: each sees the other’s batches', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    const app = await harness.start(dataDir);
    const cli = await harness.start(dataDir, { resume: false });
    try {
      const [fromApp, fromCli] = await Promise.all([
        app.service.sendFile({ path: 'good.csv', profile: 'emulated', as: 'app.csv' }),
        cli.service.sendFile({ path: 'other.csv', profile: 'emulated', as: 'cli.csv' }),
      ]);
      if (!fromApp.ok || !fromCli.ok) throw new Error('not sent');
      await app.until(fromApp.batch.id, ['success']);
      await cli.until(fromCli.batch.id, ['success']);
      await Promise.all([app.service.close(), cli.service.close()]);
      for (const service of [app.service, cli.service]) {
        const history = await service.history({});
        expect(history.map((batch) => [batch.id, batch.state]).sort()).toEqual(
          [
            [fromApp.batch.id, 'success'],
            [fromCli.batch.id, 'success'],
          ].sort(),
        );
      }
    } finally {
      await Promise.all([app.service.close(), cli.service.close()]);
    }
  });
});
