/** Profiles, files and checks shared by the client's tests against the emulated provider. */
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'vitest';
import { connect, names as listNames, waitForNames } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import { readOutbox } from '../server/outbox';
import type { BatchNames } from './batch-names';
import type { Profile } from './profile';

/** The demo account on two servers given by port, plain FTP unless said otherwise. */
export function testProfile(
  ports: readonly [number, number],
  options: { security?: 'ftp' | 'ftps'; fingerprint?: string | null; password?: string } = {},
): Profile {
  return {
    id: 'test',
    name: 'test servers',
    servers: ports.map((port, index) => ({
      name: index === 0 ? 'A' : 'B',
      host: '127.0.0.1',
      port,
      security: options.security ?? 'ftp',
      fingerprint: options.fingerprint ?? null,
    })),
    user: 'demo',
    password: options.password ?? 'demo',
  };
}

/** A standard-format file of `rows` good messages. */
export function campaign(rows: number, seed = 0): Buffer {
  const lines = ['msisdn,message'];
  for (let row = 0; row < rows; row++) {
    lines.push(`45${String(20_000_000 + ((seed * 7919 + row) % 79_999_999))},Hello ${seed}-${row}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/**
 * The batch ended `.success` exactly once: one file of it in the folder, no temporary file left,
 * and its messages queued once, every row of them.
 */
export async function expectProcessedOnce(
  provider: TestProvider,
  names: BatchNames,
  rows: number,
): Promise<void> {
  const client = await connect(provider, { server: 1 });
  try {
    const ofBatch = (found: string[]) => found.filter((name) => name.startsWith(`${names.base}.`));
    await waitForNames(client, (found) => ofBatch(found).some((name) => name.endsWith('.success')));
    // Long enough for a second rename, if there were one, to be seen and processed.
    await sleep(400);
    await provider.idle();
    const found = await listNames(client);
    expect(ofBatch(found)).toHaveLength(1);
    expect(found.filter((name) => name.includes(names.id) && name.endsWith('.part'))).toEqual([]);
    const records = (await readOutbox(provider.dir)).filter((record) =>
      record.batch.startsWith(`${names.base}.`),
    );
    expect(new Set(records.map((record) => record.batch)).size).toBe(1);
    expect(records).toHaveLength(rows);
    expect(new Set(records.map((record) => record.row)).size).toBe(rows);
  } finally {
    client.close();
  }
}
