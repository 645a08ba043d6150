// Issue 15: nothing caps uploads or disk use. Now an upload is stopped past a size per file,
// and an account's files stay within a quota; both refused 552, leaving nothing behind.
import { readdir } from 'node:fs/promises';
import type { Client } from 'basic-ftp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, names, RawFtp, startTestProvider, upload } from './ftp-test-util';
import type { TestProvider } from './ftp-test-util';

const KiB = 1024;
const alice = { user: 'alice', password: 'alice-secret' };
const bob = { user: 'bob', password: 'bob-secret' };

let provider: TestProvider;
let client: Client;

beforeAll(async () => {
  provider = await startTestProvider({
    accounts: [alice, bob],
    storage: { maxFileBytes: 64 * KiB, quotaBytes: 100 * KiB },
  });
  client = await connect(provider, { account: alice });
});

afterAll(async () => {
  client.close();
  await provider.close();
});

/** The upload's failure as the client read it, or 'stored'. */
async function tryUpload(to: Client, name: string, bytes: number): Promise<string> {
  return upload(to, name, new Uint8Array(bytes).fill(0x61)).then(
    () => 'stored',
    (error: Error) => error.message,
  );
}

describe('Issue 15: uploads are capped per file and per account', () => {
  it('an upload past the size per file is stopped, refused 552, and leaves nothing behind', async () => {
    const raw = await RawFtp.open(provider.servers[0]!.port);
    try {
      await raw.login(alice.user, alice.password);
      const data = await raw.data();
      expect(await raw.send('STOR huge.csv')).toMatch(/^150 /);
      // Sent until the server cuts the data connection: it stops storing at its limit.
      const piece = Buffer.alloc(64 * KiB, 0x61);
      let sent = 0;
      while (!data.destroyed && sent < 64 * 1024 * KiB) {
        const more = data.write(piece);
        sent += piece.length;
        if (!more)
          await new Promise(
            (resolve) => (data.once('drain', resolve), data.once('close', resolve)),
          );
      }
      expect(sent).toBeLessThan(64 * 1024 * KiB);
      expect(await raw.reply()).toMatch(
        /^552 The file is larger than 64 KiB, the most this server stores: nothing was stored\./,
      );
    } finally {
      raw.close();
    }
    await expect
      .poll(() => readdir(provider.layout.uploads), { timeout: 20_000, interval: 20 })
      .toEqual([]);
    expect(await names(client)).toEqual([]);
    expect(provider.logs.map((e) => `${e.file}: ${e.message}`)).toContainEqual(
      expect.stringMatching(/^huge\.csv: upload refused on server A: The file is larger than/),
    );
  });

  it("an account's files stay within its quota, counted on both servers; another account is not held back", async () => {
    const other = await connect(provider, { account: alice, server: 1 });
    const bobs = await connect(provider, { account: bob });
    try {
      expect(await tryUpload(client, 'one.csv', 40 * KiB)).toBe('stored');
      expect(await tryUpload(other, 'two.csv', 40 * KiB)).toBe('stored');
      expect(await tryUpload(client, 'three.csv', 40 * KiB)).toMatch(
        /^552 Your folder is full: its files may take 100 KiB together\. Delete files you no longer need/,
      );
      expect(await names(client)).toEqual(['one.csv', 'two.csv']);
      expect(await tryUpload(bobs, 'bobs.csv', 40 * KiB)).toBe('stored');
      // Replacing a file counts its new size, not both.
      expect(await tryUpload(client, 'two.csv', 50 * KiB)).toBe('stored');
      await client.remove('one.csv');
      expect(await tryUpload(client, 'three.csv', 40 * KiB)).toBe('stored');
      expect(await names(client)).toEqual(['three.csv', 'two.csv']);
      expect(await readdir(provider.layout.uploads)).toEqual([]);
    } finally {
      other.close();
      bobs.close();
    }
  });
});
