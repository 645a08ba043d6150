// Issue 15: hostile neighbours on the network. Stalled uploads held every passive port for
// good, an idle client its connection, and 200 wrong passwords took 4.3 s over 50 connections.
import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { connect, names, RawFtp, startTestProvider } from './ftp-test-util';

/** Whether a port can be listened on now: nothing holds it. */
async function free(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The first of `count` ports in a row that are free now. */
async function freeRange(count: number): Promise<number> {
  for (;;) {
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const first = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    if (first + count > 65535) continue;
    const all = await Promise.all(Array.from({ length: count }, (_, i) => free(first + i)));
    if (all.every(Boolean)) return first;
  }
}

describe('Issue 15: time-outs on data and control connections', () => {
  it('stalled uploads hold their passive ports only until the data time-out, then are told 426', async () => {
    const first = await freeRange(8);
    const provider = await startTestProvider({
      passivePorts: [first, first + 7],
      dataTimeoutMs: 300,
    });
    const port = provider.servers[0]!.port;
    const sessions: RawFtp[] = [];
    try {
      // Server A has 4 passive ports: 4 uploads that never send a byte take them all.
      for (let i = 0; i < 4; i++) {
        const raw = await RawFtp.open(port);
        sessions.push(raw);
        await raw.login('demo', 'demo');
        await raw.data();
        expect(await raw.send(`STOR stalled-${i}.csv`)).toMatch(/^150 /);
      }
      const late = await RawFtp.open(port);
      sessions.push(late);
      await late.login('demo', 'demo');
      const stalledReplies = sessions.slice(0, 4).map((raw) => raw.reply());
      for (const reply of await Promise.all(stalledReplies)) {
        expect(reply).toBe(
          '426 Nothing came or went on the data connection for 0.3 s: the transfer was stopped.',
        );
      }
      const held = await Promise.all(Array.from({ length: 4 }, (_, i) => free(first + i)));
      expect(held.filter((isFree) => !isFree)).toHaveLength(0);
      expect(await late.send('EPSV')).toMatch(/^229 /);
      await expect
        .poll(() => readdir(provider.layout.uploads), { timeout: 20_000, interval: 20 })
        .toEqual([]);
      const client = await connect(provider);
      expect(await names(client)).toEqual([]);
      client.close();
    } finally {
      for (const raw of sessions) raw.close();
      await provider.close();
    }
  });

  it('a stalled upload in active mode (PORT) is stopped after the data time-out too', async () => {
    const provider = await startTestProvider({ dataTimeoutMs: 300 });
    const listener = createServer((socket) => socket.on('error', () => {}));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as AddressInfo).port;
    const raw = await RawFtp.open(provider.servers[0]!.port);
    try {
      await raw.login('demo', 'demo');
      expect(await raw.send(`PORT 127,0,0,1,${port >> 8},${port & 255}`)).toMatch(/^200 /);
      expect(await raw.send('STOR stalled.csv')).toMatch(/^150 /);
      expect(await raw.reply()).toBe(
        '426 Nothing came or went on the data connection for 0.3 s: the transfer was stopped.',
      );
    } finally {
      raw.close();
      listener.close();
      await provider.close();
    }
  });

  it('a control connection with no command under way is closed after the idle time-out, logged in or not', async () => {
    const provider = await startTestProvider({ idleTimeoutMs: 300 });
    try {
      const anonymous = await RawFtp.open(provider.servers[0]!.port);
      const user = await RawFtp.open(provider.servers[1]!.port);
      expect(await user.login('demo', 'demo')).toMatch(/^230 /);
      for (const raw of [anonymous, user]) {
        expect(await raw.reply()).toBe('421 No command for 0.3 s: closing the connection.');
        await raw.closed;
      }
    } finally {
      await provider.close();
    }
  });

  it('a transfer longer than the idle time-out is not cut: a command is under way', async () => {
    const provider = await startTestProvider({ idleTimeoutMs: 300, dataTimeoutMs: 300 });
    const client = await connect(provider);
    try {
      async function* slowly() {
        for (let i = 0; i < 12; i++) {
          yield Buffer.from(`line ${i}\n`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await client.uploadFrom(Readable.from(slowly()), 'slow.csv');
      expect(await names(client)).toEqual(['slow.csv']);
    } finally {
      client.close();
      await provider.close();
    }
  });
});

describe('Issue 15: password guessing is slowed per address', () => {
  it('16 wrong passwords over 4 connections wait one after another, growing; 5 logged, then 1 line for the burst', async () => {
    const provider = await startTestProvider({
      loginDelayMs: 20,
      maxLoginDelayMs: 160,
      connectionsPerAddress: 4,
    });
    const sessions = await Promise.all(
      Array.from({ length: 4 }, (_, i) => RawFtp.open(provider.servers[i % 2]!.port)),
    );
    try {
      const started = Date.now();
      const replies = await Promise.all(
        sessions.map(async (raw) => {
          const got: (string | null)[] = [];
          for (let i = 0; i < 4; i++) got.push(await raw.login('demo', `wrong-${i}`));
          return got;
        }),
      );
      const elapsed = Date.now() - started;
      expect(replies.flat().every((reply) => reply?.startsWith('530 '))).toBe(true);
      // One at a time, each refusal holding the next for its delay: 5 x 20, then 40, 80 and
      // 160 for each of the other 9. A lower bound only: a busy machine only adds to it.
      expect(elapsed).toBeGreaterThanOrEqual(5 * 20 + 40 + 80 + 9 * 160);
      const said = provider.logs.filter((e) => e.level === 'warn').map((e) => e.message);
      expect(said.filter((m) => m.startsWith('login refused'))).toHaveLength(5);
      expect(said.filter((m) => !m.startsWith('login refused'))).toEqual([
        expect.stringMatching(
          /^6 logins refused in a row from 127\.0\.0\.1 \(the last for user "demo" on server [AB]\): its logins are slowed down, each refusal waiting up to 0\.16 s, and no longer logged one by one$/,
        ),
      ]);
      // The right password still gets in, in its turn.
      expect(await sessions[0]!.login('demo', 'demo')).toMatch(/^230 /);
    } finally {
      for (const raw of sessions) raw.close();
      await provider.close();
    }
  });

  it('an address may hold only so many connections at once, on both servers together', async () => {
    const provider = await startTestProvider({ connectionsPerAddress: 3 });
    const sessions = await Promise.all([
      RawFtp.open(provider.servers[0]!.port),
      RawFtp.open(provider.servers[1]!.port),
      RawFtp.open(provider.servers[0]!.port),
    ]);
    try {
      const { createConnection } = await import('node:net');
      const fourth = createConnection({ port: provider.servers[1]!.port, host: '127.0.0.1' });
      let said = '';
      fourth.on('data', (chunk: Buffer) => (said += chunk.toString()));
      await new Promise((resolve) => fourth.once('close', resolve));
      expect(said).toBe(
        '421 Too many connections from your address at once: close one and try again.\r\n',
      );
      sessions.pop()!.close();
      // Once one is closed, another is let in.
      await expect
        .poll(async () => {
          const raw = await RawFtp.open(provider.servers[1]!.port).catch(() => null);
          const answer = raw ? await raw.login('demo', 'demo') : null;
          raw?.close();
          return answer;
        })
        .toMatch(/^230 /);
    } finally {
      for (const raw of sessions) raw.close();
      await provider.close();
    }
  });
});
