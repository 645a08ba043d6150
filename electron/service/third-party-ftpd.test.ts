// Issue 19: the app's service against FTP servers we did not write, vsftpd and pure-ftpd, each as
// servers A and B on one folder, in plain FTP and explicit FTPS; the test plays the provider by
// renaming the files on the folder's disk. Each state comes with the note of the server that
// answered it (a failover while following included), a rejection's cause in each layout, and a
// follow that no server answered says so.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Batch, BatchState } from '../../core/contract/api';
import { campaign } from '../client/client-test-util';
import { FTPD_KINDS, startFtpdPair } from '../client/third-party-ftpd-test-util';
import type { FtpdKind, FtpdPair } from '../client/third-party-ftpd-test-util';
import { reject, startProcessing, succeed, UNKNOWN_CAUSE } from '../client/play-provider-test-util';
import type { Profile } from '../client/profile';
import { SendsheetService } from './service';
import type { Timings } from './timings';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sendsheet-third-party-service-'));
  await writeFile(join(work, 'Kampagne æøå.csv'), campaign(4, 2));
});

const TIMINGS: Partial<Timings> = {
  pollIntervalMs: 50,
  connectTimeoutMs: 5000,
  giveUpAfterMs: 20_000,
  backoff: { firstMs: 50, maxMs: 200 },
};

/** A service on `profile`, and a wait for a state of a batch, told or already seen. */
async function start(profile: Profile, dataDir?: string, timings: Partial<Timings> = {}) {
  const service = await SendsheetService.start({
    dataDir: dataDir ?? (await mkdtemp(join(tmpdir(), 'sendsheet-data-'))),
    profiles: [profile],
    timings: { ...TIMINGS, ...timings },
    cwd: work,
  });
  const seen: Batch[] = [];
  service.subscribe((batch) => seen.push(batch));
  /** The 20 s only tell a state that never comes from the test's own time-out. */
  const until = async (id: string, states: BatchState[]): Promise<Batch> => {
    const end = Date.now() + 20_000;
    for (;;) {
      const found = seen.find((batch) => batch.id === id && states.includes(batch.state));
      if (found) return found;
      if (Date.now() > end) {
        throw new Error(`no ${states.join(' or ')}: ${seen.map((b) => b.state).join(', ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const send = async (as?: string) => {
    const sent = await service.sendFile({ path: 'Kampagne æøå.csv', profile: profile.id, as });
    if (!sent.ok) throw new Error(sent.error);
    return sent.batch;
  };
  return { service, seen, until, send };
}

describe.each(FTPD_KINDS)("issue 19: the app's service against %s", (kind: FtpdKind) => {
  describe.each(['ftp', 'ftps'] as const)('%s', (security) => {
    let pair: FtpdPair;

    beforeAll(async () => {
      pair = await startFtpdPair(kind);
    });

    afterAll(async () => {
      await pair?.close();
    });

    it('sends and follows to success, each state from server A, and History keeps them', async () => {
      const { service, until, send } = await start(pair.profile(security));
      try {
        const batch = await send();
        expect(batch.uploadName).toMatch(/^Kampagne æøå-[a-z0-9]{10}\.csv\.ready$/);
        await until(batch.id, ['ready']);
        const processing = await startProcessing(pair.root, batch.uploadName);
        expect(await until(batch.id, ['processing'])).toMatchObject({ server: 'A', note: null });
        await succeed(pair.root, processing);
        const end = await until(batch.id, ['success', 'rejected', 'failed', 'timed-out']);
        expect(end).toMatchObject({ state: 'success', server: 'A', note: null, error: null });
        const [kept] = await service.history({});
        expect(kept).toMatchObject({ id: batch.id, state: 'success', server: 'A' });
        expect(Object.keys(kept!.times)).toEqual(['uploading', 'ready', 'processing', 'success']);
      } finally {
        await service.close();
      }
    });

    it('4: a failover while following: each state has the note of the server that answered it', async () => {
      const [a, b] = pair.servers;
      const { service, until, send } = await start(pair.profile(security));
      try {
        await a.stop();
        const batch = await send();
        const ready = await until(batch.id, ['ready']);
        expect(ready.server).toBe('B');
        expect(ready.note).toMatch(
          /^Server A \(127\.0\.0\.1:\d+\) refused the connection; using server B/,
        );
        // While A is down, the follower too finds B, and tells why.
        const processing = await startProcessing(pair.root, batch.uploadName);
        const seen = await until(batch.id, ['processing']);
        expect(seen.server).toBe('B');
        expect(seen.note).toMatch(
          /^Server A \(127\.0\.0\.1:\d+\) refused the connection; using server B/,
        );
        // A comes back and B goes down: the file's next state can only come from A, and its
        // note is A's, not the one of B that the issue found kept.
        await a.start();
        await b.stop();
        await succeed(pair.root, processing);
        const end = await until(batch.id, ['success', 'rejected', 'failed', 'timed-out']);
        expect(end).toMatchObject({ state: 'success', server: 'A' });
        expect(end.note).toMatch(
          /^Server B \(127\.0\.0\.1:\d+\) .+; using server A \(127\.0\.0\.1:\d+\)\.$/,
        );
        // History keeps the note of the state it ended in, not the one of the upload.
        const [kept] = await service.history({});
        expect(kept).toMatchObject({ state: 'success', server: 'A', note: end.note });
      } finally {
        await service.close();
        await a.start();
        await b.start();
      }
    });

    it.each(['spec', 'no-empty-line'] as const)(
      'rejected, the cause appended in the %s layout: its problems read back',
      async (layout) => {
        const { service, until, send } = await start(pair.profile(security));
        try {
          const batch = await send(`cause-${layout}.csv`);
          await until(batch.id, ['ready']);
          await reject(pair.root, await startProcessing(pair.root, batch.uploadName), layout);
          const end = await until(batch.id, ['success', 'rejected', 'failed', 'timed-out']);
          expect(end.state).toBe('rejected');
          expect(end.cause).toMatchObject({ total: 1, more: 0 });
          expect(end.cause!.problems).toEqual([
            expect.objectContaining({ row: 2, column: 'msisdn', code: 'bad-msisdn' }),
          ]);
          expect(end.error).toBeNull();
        } finally {
          await service.close();
        }
      },
    );

    it("rejected, the cause in words of the provider's own: kept as the server wrote it", async () => {
      const { service, until, send } = await start(pair.profile(security));
      try {
        const batch = await send('cause-unknown.csv');
        await until(batch.id, ['ready']);
        await reject(pair.root, await startProcessing(pair.root, batch.uploadName), 'unknown');
        const end = await until(batch.id, ['success', 'rejected', 'failed', 'timed-out']);
        expect(end).toMatchObject({ state: 'rejected', cause: null, causeText: UNKNOWN_CAUSE });
        expect(end.error).toContain('not in the layout Sendsheet reads');
        const kept = (await service.history({})).find((entry) => entry.id === batch.id);
        expect(kept?.causeText).toEqual(UNKNOWN_CAUSE);
      } finally {
        await service.close();
      }
    });
  });

  it('5: following while neither server answers: says so, and that the batch may still be processing', async () => {
    const pair = await startFtpdPair(kind);
    const dataDir = await mkdtemp(join(tmpdir(), 'sendsheet-data-'));
    try {
      const first = await start(pair.profile('ftp'), dataDir);
      const batch = await first.send();
      await first.until(batch.id, ['ready']);
      await first.service.close();
      // The app starts again while both servers are down, and follows the batch it left.
      await Promise.all(pair.servers.map((server) => server.stop()));
      const again = await start(pair.profile('ftp'), dataDir, { followForMs: 300 });
      try {
        const end = await again.until(batch.id, ['timed-out', 'success', 'rejected', 'vanished']);
        expect(end.state).toBe('timed-out');
        expect(end.error).toMatch(
          /^Stopped following: neither server answered while following: the batch may still be processing \(it was last seen \.ready; server A \(127\.0\.0\.1:\d+\) refused the connection; server B \(127\.0\.0\.1:\d+\) refused the connection\)\.$/,
        );
      } finally {
        await again.service.close();
      }
    } finally {
      await pair.close();
    }
  });
});
