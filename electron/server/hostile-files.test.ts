// Issue 15: files in an account's folder that no client could upload, put there by anyone with
// a shell on the machine: FIFOs, and files of gigabytes (sparse, so they cost no disk).
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, open, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCause } from '../../core/cause';
import {
  answer,
  connect,
  finished,
  GOOD_CSV,
  names,
  startTestProvider,
  upload,
  waitForNames,
} from './ftp-test-util';
import { accountRoot } from './layout';

const HEAD = 'msisdn,message\r\n4512345678,Hello\r\n';

/** A file of `size` bytes that starts with HEAD and is a hole after it. */
async function sparseFile(path: string, size: number): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.write(HEAD, 0);
    await handle.truncate(size);
  } finally {
    await handle.close();
  }
}

async function readTail(path: string, from: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(size - from);
    await handle.read(buffer, 0, buffer.length, from);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

describe('Issue 15: a file too large is rejected from its size, never read whole', () => {
  it.each([
    ['1 GiB', 2 ** 30],
    ['2.2 GiB, past what one read can hold', Math.round(2.2 * 2 ** 30)],
  ])(
    '%s: too-large with its size, the cause appended in place, memory no larger',
    async (_what, size) => {
      const provider = await startTestProvider();
      const client = await connect(provider);
      const root = accountRoot(provider.layout, 'demo');
      try {
        const peakBefore = process.resourceUsage().maxRSS * 1024;
        await sparseFile(join(root, 'huge.csv.ready'), size);
        const found = await waitForNames(
          client,
          (n) => finished(n, 'huge.csv', 'rejected') !== undefined,
        );
        const rejected = finished(found, 'huge.csv', 'rejected')!;
        expect(found).toEqual([rejected]);
        const cause = parseCause(HEAD + (await readTail(join(root, rejected), size)));
        expect(cause?.problems).toEqual([
          {
            row: null,
            column: null,
            code: 'too-large',
            message: expect.stringContaining(`The file is ${size.toLocaleString('en-US')} bytes`),
          },
        ]);
        // In the file's own line ending, CR LF, after the line ending the file lacks.
        expect(await readTail(join(root, rejected), size)).toMatch(
          /^\r\n\r\n# REJECTED [^\n]*\r\n# too-large: [^\n]*\r\n$/,
        );
        const peakAfter = process.resourceUsage().maxRSS * 1024;
        expect(peakAfter - peakBefore).toBeLessThan(256 * 2 ** 20);
        // Logged once the rename is made durable (the folder synced), which a busy machine may
        // finish after the listing shows the new name.
        await expect
          .poll(() => provider.logs.map((e) => e.message), { timeout: 20_000, interval: 20 })
          .toContainEqual(`rejected unread: ${size.toLocaleString('en-US')} bytes (too-large)`);
      } finally {
        client.close();
        await provider.close();
      }
    },
  );

  it('a run stopped after appending the cause, before the rename: the next appends it once', async () => {
    const first = await startTestProvider();
    await first.close();
    const root = accountRoot(first.layout, 'demo');
    const name = 'huge.csv.20260101T000000.processing';
    const size = 40 * 2 ** 20;
    await sparseFile(join(root, name), size);
    // What the stopped run left: its count, and a cause half written.
    const handle = await open(join(root, name), 'a');
    await handle.write('\r\n\r\n# REJECTED 2026-01-01T00:00:00Z: 1 prob');
    await handle.close();
    await mkdir(join(first.layout.retries, 'demo'), { recursive: true });
    await writeFile(
      join(first.layout.retries, 'demo', `${name}.json`),
      JSON.stringify({ attempts: 1, lastError: 'stopped', nextAt: 0, running: true, size }),
    );
    const provider = await startTestProvider({ dir: first.dir });
    const client = await connect(provider);
    try {
      const found = await waitForNames(
        client,
        (n) => finished(n, 'huge.csv', 'rejected') !== undefined,
      );
      const tail = await readTail(join(root, found[0]!), size);
      expect(tail.match(/# REJECTED/g)).toHaveLength(1);
      expect(parseCause(HEAD + tail)?.problems.map((p) => p.code)).toEqual(['too-large']);
    } finally {
      client.close();
      await provider.close();
      // Sparse, but gigabytes to anything that copies them.
      await rm(provider.dir, { recursive: true, force: true });
    }
  });
});

describe('Issue 15: FIFOs in an account folder are never opened', () => {
  it('FIFOs named .ready, .processing or plainly are left alone, and every file operation goes on', async () => {
    const first = await startTestProvider();
    await first.close();
    const root = accountRoot(first.layout, 'demo');
    const fifos = [
      'a.csv.ready',
      'b.csv.ready',
      'c.csv.ready',
      'd.csv.ready',
      'e.csv.20260101T000000.processing',
      'plain.csv',
    ];
    execFileSync(
      'mkfifo',
      fifos.map((name) => join(root, name)),
    );
    const provider = await startTestProvider({ dir: first.dir });
    const client = await connect(provider);
    try {
      await upload(client, 'good.csv.ready', GOOD_CSV);
      await waitForNames(client, (n) => finished(n, 'good.csv', 'success') !== undefined);
      expect(await answer(client, 'SIZE plain.csv')).toMatch(/^550 No such file: plain.csv/);
      const refused = await client.downloadTo(process.stdout, 'plain.csv').then(
        () => 'read',
        (error: Error) => error.message,
      );
      expect(refused).toMatch(/^55\d No such file: plain.csv/);
      expect(await answer(client, 'DELE a.csv.ready')).toMatch(/^550 No such file/);
      expect((await names(client)).filter((n) => !n.startsWith('good.csv.'))).toEqual([]);
      for (const name of fifos) expect((await lstat(join(root, name))).isFIFO()).toBe(true);
      expect((await readdir(root)).length).toBe(fifos.length + 1);
      const warned = provider.logs
        .filter((e) => e.level === 'warn')
        .map((e) => `${e.file}: ${e.message}`);
      expect(warned.sort()).toEqual(
        fifos
          .filter((name) => name !== 'plain.csv')
          .map(
            (name) =>
              `${name}: not a regular file: left alone${name.endsWith('.ready') ? ', never processed' : ''}`,
          )
          .sort(),
      );
    } finally {
      client.close();
      await provider.close();
      // Sparse, but gigabytes to anything that copies them.
      await rm(provider.dir, { recursive: true, force: true });
    }
  });
});
