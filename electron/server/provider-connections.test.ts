/** How clients reach the emulated servers: explicit TLS, and passive ports in a fixed range. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
import type { TestProvider } from './ftp-test-util';

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider();
});
afterAll(async () => {
  await provider.close();
});

afterEach(() => {
  expect(provider.logs.filter((entry) => entry.level === 'error')).toEqual([]);
});

describe('explicit FTPS (AUTH TLS)', () => {
  it('uploads, renames and lists over TLS with the self-signed certificate', async () => {
    const secure = await connect(provider, { secure: true });
    try {
      const base = 'tls.csv';
      await upload(secure, base, GOOD_CSV);
      await secure.rename(base, `${base}.ready`);
      const found = await waitForNames(secure, (n) => finished(n, base, 'success') !== undefined);
      expect((await download(secure, finished(found, base, 'success')!)).toString()).toBe(GOOD_CSV);
    } finally {
      secure.close();
    }
  });

  it('after AUTH TLS a transfer without PROT P is refused with 522, not left hanging', async () => {
    const { Client } = await import('basic-ftp');
    const client = new Client(5000);
    try {
      await client.connect(provider.host, provider.servers[0]!.port);
      await client.useTLS({ rejectUnauthorized: false });
      await client.login('demo', 'demo');
      await expect(client.list()).rejects.toThrow(/^522 .*send PROT P first/);
    } finally {
      client.close();
    }
  });
});

describe('Issue 3: passive mode on loopback with a fixed port range', () => {
  it('answers PASV and EPSV with ports of its half of the range, and transfers through them', async () => {
    const { createServer } = await import('node:net');
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const base = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const ranged = await startTestProvider({ passivePorts: [base, base + 7] });
    const client = await connect(ranged, { server: 1 });
    try {
      const pasv = (await client.send('PASV')).message.match(
        /\((\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\)/,
      )!;
      expect(pasv.slice(1, 5).join('.')).toBe('127.0.0.1');
      const epsv = Number((await client.send('EPSV')).message.match(/\(\|\|\|(\d+)\|\)/)![1]);
      for (const port of [Number(pasv[5]) * 256 + Number(pasv[6]), epsv]) {
        expect(port).toBeGreaterThanOrEqual(base + 4);
        expect(port).toBeLessThanOrEqual(base + 7);
      }
      await upload(client, 'ranged.csv', GOOD_CSV);
      expect(await names(client)).toEqual(['ranged.csv']);
    } finally {
      client.close();
      await ranged.close();
    }
  });
});
