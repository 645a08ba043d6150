import { describe, expect, it } from 'vitest';
import { READ_TIME_LIMIT_MS, readFileInWorker, readTimeLimitMs } from './read-file';
import type { ReaderWorker } from './read-file';
import { HEAP_RESERVE_BYTES } from './memory-fit';
import type { ReadProgress, WorkerMessage } from './read-outcome';
import type { PackedOutcome } from './transfer';

/** A worker the test drives: what the page posted, and a way to answer. */
interface FakeWorker extends ReaderWorker {
  posted: unknown[];
  ended: boolean;
  say(message: WorkerMessage): void;
}

function fakeWorker(): FakeWorker {
  const worker: FakeWorker = {
    onmessage: null,
    onerror: null,
    posted: [],
    ended: false,
    postMessage: (message) => void worker.posted.push(message),
    terminate: () => void (worker.ended = true),
    say: (message) => worker.onmessage?.({ data: message } as MessageEvent<WorkerMessage>),
  };
  return worker;
}

const file = (size: number) => ({
  name: 'list.csv',
  size,
  arrayBuffer: async () => new ArrayBuffer(size),
});

/** Lets the read get as far as it can without the worker's answer. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reading limits (issue 5, flow 1: a huge file cannot freeze the app)', () => {
  it('refuses a file over the size limit before reading a byte of it', async () => {
    let read = false;
    const outcome = await readFileInWorker(
      {
        name: 'huge.xlsx',
        size: 200 * 1024 * 1024,
        arrayBuffer: async () => {
          read = true;
          return new ArrayBuffer(0);
        },
      },
      { limits: { maxBytes: 100 * 1024 * 1024, timeLimitMs: 1000 } },
    );
    expect(read).toBe(false);
    expect(outcome).toEqual({
      ok: false,
      failure: { code: 'too-large', name: 'huge.xlsx', limit: 100 * 1024 * 1024 },
    });
  });

  it('ends a worker still reading at the time limit', async () => {
    const worker = fakeWorker();
    const outcome = await readFileInWorker(file(10), {
      limits: { maxBytes: 100, timeLimitMs: 20 },
      startWorker: () => worker,
    });
    expect(outcome).toEqual({
      ok: false,
      failure: { code: 'too-slow', name: 'list.csv', seconds: 0 },
    });
    expect(worker.ended).toBe(true);
  });
});

describe('a big file shows its progress and can be stopped (issue 14)', () => {
  it('passes on the rows read as the worker tells them, then the outcome', async () => {
    const worker = fakeWorker();
    const seen: ReadProgress[] = [];
    const reading = readFileInWorker(file(10), {
      startWorker: () => worker,
      onProgress: (progress) => seen.push(progress),
    });
    await settle();
    worker.say({ type: 'progress', progress: { phase: 'reading', rows: 10_000 } });
    worker.say({ type: 'progress', progress: { phase: 'reading', rows: 20_000 } });
    worker.say({ type: 'done', outcome: { ok: false, failure: { code: 'empty', name: 'x' } } });
    expect(await reading).toEqual({ ok: false, failure: { code: 'empty', name: 'x' } });
    expect(seen).toEqual([
      { phase: 'reading', rows: 10_000 },
      { phase: 'reading', rows: 20_000 },
    ]);
    expect(worker.ended).toBe(true);
  });

  it('tells the bytes loaded of a file read as a stream', async () => {
    const chunks = [new Uint8Array(4).fill(1), new Uint8Array(6).fill(2)];
    const worker = fakeWorker();
    const seen: ReadProgress[] = [];
    const reading = readFileInWorker(
      {
        ...file(10),
        stream: () =>
          new ReadableStream({
            start(controller) {
              chunks.forEach((chunk) => controller.enqueue(chunk));
              controller.close();
            },
          }),
      },
      { startWorker: () => worker, onProgress: (progress) => seen.push(progress) },
    );
    await settle();
    await settle();
    expect(seen).toEqual([
      { phase: 'loading', bytes: 4, total: 10 },
      { phase: 'loading', bytes: 10, total: 10 },
    ]);
    const sent = worker.posted[0] as { bytes: ArrayBuffer };
    expect([...new Uint8Array(sent.bytes)]).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
    worker.say({ type: 'done', outcome: { ok: false, failure: { code: 'empty', name: 'x' } } });
    await reading;
  });

  it('stopped, it ends the worker and comes to nothing', async () => {
    const worker = fakeWorker();
    const stop = new AbortController();
    const reading = readFileInWorker(file(10), { startWorker: () => worker, signal: stop.signal });
    await settle();
    expect(worker.posted).toHaveLength(1);
    stop.abort();
    expect(await reading).toBeNull();
    expect(worker.ended).toBe(true);
  });
});

describe('the time limit grows with the file (issue 16: the whole sheet)', () => {
  it('gives a large file more time to be read than a small one', () => {
    expect(readTimeLimitMs(0)).toBe(READ_TIME_LIMIT_MS);
    expect(readTimeLimitMs(1024 * 1024)).toBeGreaterThan(READ_TIME_LIMIT_MS);
    // Excel's whole sheet, 57 MiB: more than four minutes, where one minute stopped it.
    expect(readTimeLimitMs(57 * 1024 * 1024)).toBeGreaterThan(4 * 60_000);
  });
});

describe('a message, not a crash, where the browser cannot hold a file (issue 16)', () => {
  const MIB = 1024 * 1024;
  const sheet: PackedOutcome = {
    ok: true,
    kind: 'text',
    sheets: [
      {
        name: 'Ark1',
        header: ['Telefon'],
        rowCount: 1,
        texts: ['x'.repeat(10 * MIB)],
        ends: [Uint32Array.of(10 * MIB)],
        sourceRows: Int32Array.of(2),
      },
    ],
    encoding: 'utf-8',
    delimiter: ';',
    notes: [],
  };

  it("tells the worker the page's heap limit", async () => {
    const worker = fakeWorker();
    const reading = readFileInWorker(file(10), {
      startWorker: () => worker,
      heap: () => ({ limit: 700 * MIB, used: 0 }),
    });
    await settle();
    expect(worker.posted[0]).toMatchObject({
      name: 'list.csv',
      heap: { limit: 700 * MIB, used: 0 },
    });
    worker.say({ type: 'done', outcome: { ok: false, failure: { code: 'empty', name: 'x' } } });
    await reading;
  });

  it('refuses a read sheet the page cannot hold, and takes one it can', async () => {
    for (const [used, taken] of [
      [HEAP_RESERVE_BYTES, true],
      [200 * MIB + HEAP_RESERVE_BYTES, false],
    ] as const) {
      const worker = fakeWorker();
      const reading = readFileInWorker(file(10), {
        startWorker: () => worker,
        heap: () => ({ limit: 230 * MIB + HEAP_RESERVE_BYTES, used }),
      });
      await settle();
      worker.say({ type: 'done', outcome: sheet });
      const outcome = await reading;
      expect(outcome?.ok).toBe(taken);
      if (!taken)
        expect(outcome).toEqual({
          ok: false,
          failure: { code: 'too-large-for-memory', name: 'list.csv' },
        });
    }
  });

  it("says a worker's out-of-memory error as too large for memory", async () => {
    const worker = fakeWorker();
    const reading = readFileInWorker(file(10), { startWorker: () => worker });
    await settle();
    worker.onerror?.({ message: 'Uncaught out of memory' } as ErrorEvent);
    expect(await reading).toEqual({
      ok: false,
      failure: { code: 'too-large-for-memory', name: 'list.csv' },
    });
    expect(worker.ended).toBe(true);
  });
});
