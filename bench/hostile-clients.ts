// Issue 15's hostile clients against the emulated provider with its default limits, for the
// figures (not part of `npm run bench`: the time-outs it waits out take minutes):
//
//   npx tsx bench/hostile-clients.ts [seconds]
//
// - 50 uploads that never send a byte on server A: the passive ports they hold before and after
//   the data time-out (were all 50, for good; now 0 after the 60 s time-out, told 426);
// - then 200 wrong passwords from one address over 50 connections: how many are answered in
//   `seconds`, and the rate in the last minute (were all 200 in 4.3 s; now 12 in 150 s, the
//   10th after 66 s, then one every 30 s: 0.033 a second).
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawFtp } from '../electron/server/ftp-test-util';
import { startProvider } from '../electron/server/provider';

const seconds = Number(process.argv[2] ?? 150);

async function free(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The first of 100 ports in a row that are free now. */
async function freeRange(): Promise<number> {
  for (;;) {
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const first = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    if (first + 100 > 65535) continue;
    const all = await Promise.all(Array.from({ length: 100 }, (_, i) => free(first + i)));
    if (all.every(Boolean)) return first;
  }
}

async function held(first: number): Promise<number> {
  const states = await Promise.all(Array.from({ length: 50 }, (_, i) => free(first + i)));
  return states.filter((isFree) => !isFree).length;
}

const dir = await mkdtemp(join(tmpdir(), 'sendsheet-hostile-clients-'));
const first = await freeRange();
const provider = await startProvider({
  dir,
  ports: [0, 0],
  passivePorts: [first, first + 99],
});
const [a, b] = provider.servers.map((server) => server.port) as [number, number];
const started = Date.now();
const at = () => ((Date.now() - started) / 1000).toFixed(1);

// 50 stalled uploads on server A: all of its passive ports.
const stallers: RawFtp[] = [];
for (let i = 0; i < 50; i++) {
  const raw = await RawFtp.open(a);
  await raw.login('demo', 'demo');
  await raw.data();
  await raw.send(`STOR stalled-${i}.csv`);
  stallers.push(raw);
}
console.log(
  `${at()} s: 50 stalled uploads hold ${await held(first)} of server A's 50 passive ports`,
);
const told = await Promise.all(stallers.map((raw) => raw.reply()));
console.log(`${at()} s: the stalled uploads were told: ${[...new Set(told)].join(' / ')}`);
console.log(`${at()} s: they hold ${await held(first)} of the 50 ports now`);
for (const raw of stallers) raw.close();
await Promise.all(stallers.map((raw) => raw.closed));
// The server counts a connection gone when it sees it close, a moment after the client.
await new Promise((resolve) => setTimeout(resolve, 500));

// 200 wrong passwords from one address over 50 connections, 4 each, on server B.
const guessing = Date.now();
const since = () => Date.now() - guessing;
const guessers = await Promise.all(Array.from({ length: 50 }, () => RawFtp.open(b)));
const answered: number[] = [];
await Promise.all(
  guessers.map(async (raw, i) => {
    for (let k = 0; k < 4; k++) {
      const reply = await Promise.race([
        raw.login('demo', `wrong-${i}-${k}`),
        new Promise((resolve) => setTimeout(resolve, Math.max(0, seconds * 1000 - since()))),
      ]);
      if (typeof reply !== 'string') return;
      answered.push(since());
    }
  }),
);
const window = 60_000;
const end = Math.min(seconds * 1000, since());
const recent = answered.filter((t) => t > end - window).length;
console.log(
  `200 wrong passwords from one address over 50 connections: ${answered.length} answered in ${(end / 1000).toFixed(0)} s ` +
    `(the first 10 by ${((answered[9] ?? NaN) / 1000).toFixed(1)} s); in the last ${window / 1000} s ${recent}, ` +
    `${(recent / (window / 1000)).toFixed(3)} a second`,
);
for (const raw of guessers) raw.close();
await provider.close();
await rm(dir, { recursive: true, force: true });
