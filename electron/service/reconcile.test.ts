// Issue 13, no batch stays "uploading" for good: at start, a batch left uploading by a process
// that is gone is reconciled against the servers (sent, not sent, or unknown with why) and its
// leftovers deleted; a batch that could not be sent has a Retry; Cancel stops an upload before
// its rename and not after. A listing that comes back empty by accident, or fails, never
// makes it "not sent".
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../../core/contract/api';
import { RETRY_STATES } from '../../core/contract/api';
import { writeExport } from '../../core/writer';
import { emulatedProfile } from '../backend/practice';
import { batchNames, newBatchId, tempName } from '../client/batch-names';
import { closedPort } from '../client/net-test-util';
import { Faults } from '../server/faults';
import { connect, names, startTestProvider, upload } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import { batchFilesOf } from './batch-files';
import { thisProcess } from './carriers';
import { canonical, MessageHashes } from './fingerprint';
import { History, historyFile } from './history';
import { dataFolder, ENDS, queued, startService } from './send-test-util';

const faults = new Faults();
let provider: TestProvider;

beforeAll(async () => {
  provider = await startTestProvider({ faults });
});

afterEach(() => {
  faults.clearFailures();
});

afterAll(async () => {
  await provider.close();
});

/** A process id that was alive a moment ago and is not any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

/**
 * What a process killed mid-send leaves: the batch in the history as uploading, carried by a
 * process that is gone, and its file kept on disk. Answers the batch and its file's bytes.
 */
async function leftUploading(dataDir: string, tag: string) {
  const messages = [
    { msisdn: '4520000001', message: `${tag} one` },
    { msisdn: '4520000002', message: `${tag} two` },
  ];
  const written = writeExport(messages, { baseName: tag });
  if (!written.ok) throw new Error('not written');
  const file = written.files[0]!;
  const names = batchNames(file.uploadName, newBatchId(randomBytes));
  const batch: Batch = {
    id: names.id,
    campaign: names.id,
    fileName: file.fileName,
    uploadName: names.readyName,
    profile: 'emulated',
    server: 'A',
    note: null,
    rows: 2,
    parts: 2,
    bytes: file.bytes.length,
    state: 'uploading',
    stamp: null,
    progress: null,
    times: { uploading: new Date().toISOString() },
    cause: null,
    error: null,
    practice: true,
    test: false,
    cost: null,
  };
  await batchFilesOf(dataDir).save(names.id, MessageHashes.of(messages.map(canonical)), file.bytes);
  const { history } = await History.load(historyFile(dataDir));
  await history.transaction((tx) => {
    tx.put(batch);
    tx.setCarrier(batch.id, { ...thisProcess(), pid: deadPid() });
  });
  return { batch, names, bytes: file.bytes, messages };
}

/** A service whose profile names two closed ports: neither server answers, and it soon gives up. */
async function startWithServersDown(dataDir: string) {
  const down = emulatedProfile({
    host: '127.0.0.1',
    servers: [
      { name: 'A', port: await closedPort() },
      { name: 'B', port: await closedPort() },
    ],
    certificate: null,
  });
  return startService(provider, dataDir, {
    profiles: [down],
    timings: { pollIntervalMs: 50, connectTimeoutMs: 500, giveUpAfterMs: 300 },
  });
}

async function serverNames(): Promise<string[]> {
  const client = await connect(provider);
  try {
    return await names(client);
  } finally {
    client.close();
  }
}

/** A file put on the servers as a client does: on server A, or on `server`. */
async function putOnServer(name: string, bytes: Uint8Array, server: 0 | 1 = 0): Promise<void> {
  const client = await connect(provider, { server });
  try {
    await upload(client, name, bytes);
  } finally {
    client.close();
  }
}

/** The app started again: Retry sends the batch, and the provider queues its two messages once. */
async function retrySendsOnce(dataDir: string, id: string, base: string): Promise<void> {
  const { service, until } = await startService(provider, dataDir);
  try {
    expect(await service.retry({ batch: id })).toMatchObject({ ok: true });
    expect((await until(id, ['success'])).state).toBe('success');
    expect(await queued(provider, base)).toHaveLength(2);
  } finally {
    await service.close();
  }
}

describe('issue 13: at start, every batch left uploading is reconciled against the servers', () => {
  it('its file never renamed: not sent, its leftover deleted, and Retry sends it once', async () => {
    const dataDir = await dataFolder();
    const { batch, names: batchName, bytes } = await leftUploading(dataDir, 'leftpart');
    await putOnServer(tempName(batch.id, 1), bytes);
    const { service, until } = await startService(provider, dataDir);
    try {
      const end = await until(batch.id, ENDS);
      expect(end).toMatchObject({ state: 'failed' });
      expect(end.error).toBe(
        'Sendsheet stopped while it was uploading this batch, before the file reached the provider. Nothing was sent; Retry sends it.',
      );
      expect((await serverNames()).filter((name) => name.includes(batch.id))).toEqual([]);
      expect(await service.retry({ batch: batch.id })).toMatchObject({ ok: true });
      expect((await until(batch.id, ['success'])).state).toBe('success');
      expect(await queued(provider, batchName.base)).toHaveLength(2);
    } finally {
      await service.close();
    }
  });

  it('its file renamed before the process died: sent, followed to success, never sent again', async () => {
    const dataDir = await dataFolder();
    const { batch, names: batchName, bytes } = await leftUploading(dataDir, 'leftrena');
    await putOnServer(batchName.readyName, bytes);
    const { service, until } = await startService(provider, dataDir);
    try {
      expect((await until(batch.id, ENDS)).state).toBe('success');
      expect(await queued(provider, batchName.base)).toHaveLength(2);
      // The same list again: named as sent, not taken up again.
      const again = await service.send({
        profile: 'emulated',
        files: { baseName: 'leftrena' },
        messages: [
          { msisdn: '4520000001', message: 'leftrena one' },
          { msisdn: '4520000002', message: 'leftrena two' },
        ],
      });
      expect(again).toMatchObject({ ok: false, earlier: [{ standing: 'sent', messages: 2 }] });
    } finally {
      await service.close();
    }
  });

  it('neither server answering: unknown, saying why; Retry asks again once they answer', async () => {
    const dataDir = await dataFolder();
    const { batch, names: batchName } = await leftUploading(dataDir, 'leftdown');
    const first = await startWithServersDown(dataDir);
    const unknown = await first.until(batch.id, ENDS);
    await first.service.close();
    expect(unknown.state).toBe('unknown');
    expect(unknown.error).toMatch(
      /^It is not known whether this batch reached the provider: Neither server could be reached in .*refused the connection.* Retry asks the servers again, and sends it only if it is not there\.$/,
    );
    await retrySendsOnce(dataDir, batch.id, batchName.base);
  });
});

describe('a listing that is empty by accident, or fails, never makes a batch "not sent"', () => {
  it('the first listing empty, the next one showing the file: sent, followed, never sent again', async () => {
    const dataDir = await dataFolder();
    const { batch, names: batchName, bytes } = await leftUploading(dataDir, 'blinked');
    await putOnServer(batchName.readyName, bytes);
    faults.emptyNextListings(1);
    const { service, until } = await startService(provider, dataDir);
    try {
      expect((await until(batch.id, ENDS)).state).toBe('success');
      expect(faults.pendingEmptyListings).toBe(0);
      expect(await queued(provider, batchName.base)).toHaveLength(2);
    } finally {
      await service.close();
    }
  });

  it("server A's LIST failing, B showing nothing: unknown, saying why; Retry sends it once", async () => {
    const dataDir = await dataFolder();
    const { batch, names: batchName } = await leftUploading(dataDir, 'unlisted');
    faults.failListingsOf('A');
    const first = await startService(provider, dataDir);
    const end = await first.until(batch.id, ENDS);
    await first.service.close();
    expect(end.state).toBe('unknown');
    expect(end.error).toMatch(
      /^It is not known whether this batch reached the provider: The servers could not list their files: server A \(127\.0\.0\.1:\d+\) .*The folder could not be read \(injected failure\).*\. Server B \(127\.0\.0\.1:\d+\) showed no file of it, but that alone does not prove it was not sent\. Retry asks the servers again/,
    );
    expect(await queued(provider, batchName.base)).toEqual([]);
    faults.clearFailures();
    await retrySendsOnce(dataDir, batch.id, batchName.base);
  });

  it("server A's LIST failing, the file on B: sent, from B's listing", async () => {
    const dataDir = await dataFolder();
    const { batch, names: batchName, bytes } = await leftUploading(dataDir, 'onlyonb');
    await putOnServer(batchName.readyName, bytes, 1);
    faults.failListingsOf('A');
    const { service, until } = await startService(provider, dataDir);
    try {
      const seen = await until(batch.id, ['ready', 'processing', 'success']);
      expect(seen.server).toBe('B');
      faults.clearFailures();
      expect((await until(batch.id, ENDS)).state).toBe('success');
      expect(await queued(provider, batchName.base)).toHaveLength(2);
    } finally {
      await service.close();
    }
  });
});

describe('issue 13: a batch that could not be sent has a Retry', () => {
  it('sent while neither server answers: not sent, saying why; Retry sends it once when they answer', async () => {
    const dataDir = await dataFolder();
    const first = await startWithServersDown(dataDir);
    let id = '';
    try {
      const sent = await first.service.send({
        profile: 'emulated',
        files: { baseName: 'nobodyhome' },
        messages: [
          { msisdn: '4520000011', message: 'nobody home one' },
          { msisdn: '4520000012', message: 'nobody home two' },
        ],
      });
      if (!sent.ok) throw new Error(sent.error);
      id = sent.batches[0]!.id;
      const end = await first.until(id, ENDS);
      expect(end.state).toBe('failed');
      expect(end.error).toMatch(/Neither server could be reached/);
    } finally {
      await first.service.close();
    }
    expect(await queued(provider, 'nobodyhome')).toEqual([]);
    const second = await startService(provider, dataDir);
    try {
      const before = (await second.service.history({})).find((b) => b.id === id)!;
      expect(RETRY_STATES).toContain(before.state);
      expect(await second.service.retry({ batch: id })).toMatchObject({ ok: true });
      expect((await second.until(id, ['success'])).state).toBe('success');
      expect(await queued(provider, 'nobodyhome')).toHaveLength(2);
    } finally {
      await second.service.close();
    }
  });
});

describe('issue 13: cancel while uploading', () => {
  it('stops before the rename: nothing sent, nothing left on the server, the batch says cancelled', async () => {
    const { service, until } = await startService(provider, await dataFolder());
    try {
      // Three chunks of upload (a chunk is 1 MiB): cancelled as the first one goes.
      const messages = Array.from({ length: 30_000 }, (_, i) => ({
        msisdn: `4530${String(i).padStart(6, '0')}`,
        message: `cancel me ${i} ${'x'.repeat(80)}`,
      }));
      let id = '';
      let asked: unknown = null;
      service.subscribe((batch) => {
        if (batch.id !== id || asked !== null || batch.progress === null) return;
        if (batch.progress.bytes > 0 && batch.progress.percent < 100)
          asked = service.cancel({ batch: id });
      });
      const sent = await service.send({
        profile: 'emulated',
        files: { baseName: 'cancelled', rowsPerFile: 30_000 },
        messages,
      });
      if (!sent.ok) throw new Error(sent.error);
      id = sent.batches[0]!.id;
      const end = await until(id, ENDS);
      expect(await asked).toMatchObject({ ok: true });
      expect(end).toMatchObject({
        state: 'cancelled',
        error: 'Cancelled before the file was handed to the provider: nothing was sent.',
      });
      expect((await serverNames()).filter((name) => name.includes(id))).toEqual([]);
      expect(await queued(provider, 'cancelled')).toEqual([]);
      expect((await service.history({})).find((b) => b.id === id)?.state).toBe('cancelled');
    } finally {
      await service.close();
    }
  });

  it('after the rename it cannot be cancelled, and says so', async () => {
    const { service, until } = await startService(provider, await dataFolder());
    try {
      const sent = await service.send({
        profile: 'emulated',
        files: { baseName: 'toolate' },
        messages: [{ msisdn: '4520000001', message: 'too late to cancel' }],
      });
      if (!sent.ok) throw new Error(sent.error);
      const id = sent.batches[0]!.id;
      await until(id, ['ready', 'processing', 'success']);
      expect(await service.cancel({ batch: id })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/cannot be cancelled/),
      });
      expect((await until(id, ENDS)).state).toBe('success');
    } finally {
      await service.close();
    }
  });
});
