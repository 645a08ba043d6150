// Issue 4, upload with failover (SPEC 0, 1): on real emulated servers on loopback, the first
// server refused, black-holed, or dying in the middle of the upload or of the rename; every
// case ends with the batch processed exactly once, counted in the outbox.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestProvider } from '../server/ftp-test-util';
import type { TestProvider } from '../server/ftp-test-util';
import { batchNames } from './batch-names';
import { campaign, expectProcessedOnce, testProfile } from './client-test-util';
import { deliver } from './deliver';
import type { DeliveryEvent } from './deliver';
import { backoffDelay, Failover } from './failover';
import type { FailedAttempt } from './failover';
import { FtpSession } from './ftp-session';
import { closedPort, startBlackHole, startCuttingProxy } from './net-test-util';
import type { Cut } from './net-test-util';
import { describeFailedAttempt } from './words';

let provider: TestProvider;
let portB: number;
let serial = 0;

beforeAll(async () => {
  provider = await startTestProvider();
  portB = provider.servers[1]!.port;
});

afterAll(async () => {
  await provider.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Counts the connections tried, each one's port in order, the work a wait would hide. */
function countOpens(): () => number[] {
  const open = vi.spyOn(FtpSession, 'open');
  return () => open.mock.calls.map(([server]) => server.port);
}

// Time-outs far longer than a busy machine ever takes on loopback: a test that is about a
// time-out sets that one short itself.
const timings = { connectTimeoutMs: 5000, idleTimeoutMs: 10_000 };
const fast = { firstMs: 50, maxMs: 200 };

function names() {
  serial++;
  return batchNames(`failover-${serial}.csv.ready`, `test${String(serial).padStart(6, '0')}`);
}

async function send(
  ports: [number, number],
  bytes: Buffer,
  { giveUpAfterMs = 2000, connectTimeoutMs = timings.connectTimeoutMs } = {},
) {
  const batch = names();
  const events: DeliveryEvent[] = [];
  const failover = new Failover(testProfile(ports), { ...timings, connectTimeoutMs }, fast);
  const started = performance.now();
  const result = await deliver(failover, batch, bytes, {
    giveUpAfterMs,
    onEvent: (event) => events.push(event),
  });
  return { batch, result, events, ms: performance.now() - started };
}

describe('SPEC 0: the first server failing, the batch goes through the other, exactly once', () => {
  it('first server down (its port closed): sent through B, saying why A was left', async () => {
    const rows = 500;
    const portA = await closedPort();
    const opens = countOpens();
    const { batch, result, events } = await send([portA, portB], campaign(rows, 1));
    expect(result).toMatchObject({ ok: true, server: { name: 'B' } });
    if (!result.ok) return;
    expect(result.note).toMatch(
      /^Server A \(127\.0\.0\.1:\d+\) refused the connection; using server B/,
    );
    // Straight on to B: no second round, no wait before it.
    expect(opens()).toEqual([portA, portB]);
    expect(events.filter((event) => event.type === 'server')).toHaveLength(1);
    await expectProcessedOnce(provider, batch, rows);
  });

  it('first server black-holed (accepts, never answers): left after the connect time-out', async () => {
    const hole = await startBlackHole();
    try {
      const rows = 300;
      const opens = countOpens();
      const { batch, result, ms } = await send([hole.port, portB], campaign(rows, 2), {
        connectTimeoutMs: 1000,
      });
      expect(hole.accepted).toBe(1);
      expect(result).toMatchObject({ ok: true, server: { name: 'B' } });
      if (!result.ok) return;
      // Left at the connect time-out, not the idle one (10 s): the note says which.
      expect(result.note).toContain('did not answer within 1 s');
      expect(ms).toBeGreaterThanOrEqual(990);
      expect(opens()).toEqual([hole.port, portB]);
      await expectProcessedOnce(provider, batch, rows);
    } finally {
      await hole.close();
    }
  });

  const cuts: [string, Cut][] = [
    ['in the middle of the upload (cut as it starts)', { reply: /^150 / }],
    [
      'between the upload and the rename (RNFR never arrives)',
      { command: /^RNFR /, when: 'before' },
    ],
    ['in the middle of the rename (RNTO never arrives)', { command: /^RNTO /, when: 'before' }],
    [
      'in the middle of the rename (done, but the answer is lost)',
      { command: /^RNTO /, when: 'after-answer' },
    ],
  ];
  it.each(cuts)(
    'first server dying %s: the listing on B decides, and the batch goes once',
    async (_name, cut) => {
      const proxy = await startCuttingProxy(provider.servers[0]!.port, cut);
      try {
        const rows = 20_000;
        const bytes = campaign(rows, 3 + serial);
        const { batch, result, events } = await send([proxy.port, portB], bytes);
        expect(proxy.cut).toBe(true);
        expect(result).toMatchObject({ ok: true, server: { name: 'B' } });
        if (!result.ok) return;
        expect(result.note).toMatch(/^Server A .*; using server B/);
        const servers = events
          .filter((event) => event.type === 'server')
          .map((event) => event.server.name);
        expect(servers).toEqual(['A', 'B']);
        await expectProcessedOnce(provider, batch, rows);
      } finally {
        await proxy.close();
      }
    },
  );
});

describe('SPEC 0: retrying while neither server answers, then giving up clearly', () => {
  it('both ports closed: tries again with backoff, and gives up after the time given', async () => {
    const opens = countOpens();
    const { result, ms } = await send([await closedPort(), await closedPort()], campaign(1), {
      giveUpAfterMs: 600,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.unreachable).toBe(true);
    expect(result.error).toMatch(
      /^Neither server could be reached in .*server A .* refused the connection; server B .* refused the connection\.$/,
    );
    // Rounds of both servers, 50, 100, 200 and 200 ms apart: the fifth ends past the 600 ms
    // given with its wait to come, so it is the last; and the time given is used, not cut short.
    const rounds = opens().length / 2;
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(rounds).toBeLessThanOrEqual(5);
    expect(ms).toBeGreaterThanOrEqual(400);
  });

  it('issue 12: each failed try is told as it happens, with the next try: which server, when', async () => {
    const ports: [number, number] = [await closedPort(), await closedPort()];
    const told: { at: number; attempt: FailedAttempt }[] = [];
    const failover = new Failover(testProfile(ports), timings, fast);
    const started = Date.now();
    const result = await deliver(failover, names(), campaign(1), {
      giveUpAfterMs: 600,
      onEvent: (event) => {
        if (event.type === 'attempt') told.push({ at: Date.now(), attempt: event.attempt });
      },
    });
    expect(result.ok).toBe(false);
    // A round tries A then B; waits of 50, 100, 200, 200 ms... until the next would pass the
    // 600 ms given (how many rounds fit depends on how busy the machine is).
    expect(told.length % 2).toBe(0);
    expect(told.length).toBeGreaterThanOrEqual(4);
    for (const [i, { attempt }] of told.entries()) expect(attempt.server.port).toBe(ports[i % 2]);
    for (const [i, { at, attempt }] of told.entries()) {
      expect(attempt.reason).toBe('refused the connection');
      expect(attempt.giveUpAt).toBeGreaterThanOrEqual(started + 600);
      if (i === told.length - 1) {
        expect(attempt.next).toBeNull();
      } else if (i % 2 === 0) {
        // A failed: B is tried at once.
        expect(attempt.next).toMatchObject({ server: { name: 'B' }, inMs: 0 });
      } else {
        const wait = backoffDelay(fast, (i - 1) / 2);
        expect(attempt.next).toMatchObject({ server: { name: 'A' }, inMs: wait });
        // Told as the wait began: it began after the try before it was told (i - 1) and
        // before this was heard, and this was heard before the wait was over.
        const began = attempt.next!.at - wait;
        expect(began).toBeGreaterThanOrEqual(told[i - 1]!.at);
        expect(began).toBeLessThanOrEqual(at);
        expect(at).toBeLessThan(attempt.next!.at);
        // The next try was not made before the time told.
        expect(told[i + 1]!.at).toBeGreaterThanOrEqual(attempt.next!.at);
      }
    }
    expect(describeFailedAttempt(told[0]!.attempt)).toBe(
      `Server A (127.0.0.1:${ports[0]}) refused the connection; trying server B (127.0.0.1:${ports[1]}) now.`,
    );
    expect(describeFailedAttempt(told[1]!.attempt)).toMatch(
      new RegExp(
        `^Server B \\(127\\.0\\.0\\.1:${ports[1]}\\) refused the connection; trying again in 0\\.05 s, at \\d\\d:\\d\\d:\\d\\d \\(giving up at \\d\\d:\\d\\d:\\d\\d\\)\\.$`,
      ),
    );
    expect(describeFailedAttempt(told.at(-1)!.attempt)).toBe(
      `Server B (127.0.0.1:${ports[1]}) refused the connection.`,
    );
  });

  it('a refused login is not retried: it is the same on both servers', async () => {
    const failover = new Failover(
      testProfile([provider.servers[0]!.port, portB], { password: 'wrong' }),
      timings,
      fast,
    );
    const opens = countOpens();
    const result = await deliver(failover, names(), campaign(1), { giveUpAfterMs: 5000 });
    expect(result).toMatchObject({ ok: false, unreachable: false });
    if (result.ok) return;
    expect(result.error).toMatch(/^Could not log in: server A .* refused the login/);
    // One try of each server, where a refusal taken for a passing failure would try for 5 s.
    expect(opens()).toEqual([provider.servers[0]!.port, portB]);
  });
});

describe('issue 4: progress in bytes and percent during the upload', () => {
  it('reports bytes sent, rising to the whole size', async () => {
    const rows = 120_000; // 2.6 MiB: three 1 MiB steps
    const bytes = campaign(rows, 9);
    const { batch, result, events } = await send([provider.servers[0]!.port, portB], bytes);
    expect(result).toMatchObject({ ok: true, server: { name: 'A' }, note: null });
    const progress = events.filter((event) => event.type === 'progress');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((event) => event.total === bytes.length)).toBe(true);
    const sent = progress.map((event) => event.bytes);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(sent[0]).toBe(0);
    expect(sent.at(-1)).toBe(bytes.length);
    await expectProcessedOnce(provider, batch, rows);
  });
});
