import { describe, expect, it } from 'vitest';
import { READ_TIME_LIMIT_MS, readFileInWorker, readTimeLimitMs } from './read-file';
import type { ReaderWorker } from './read-file';
import { HEAP_RESERVE_BYTES } from './memory-fit';
import type { ReadProgress, WorkerMessage } from './read-outcome';
import { spareReaders } from './spare-reader';
import type { Readers } from './spare-reader';
import type { PackedOutcome } from './transfer';
import { PIECE_SHIFT } from '../logic/text-column';

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

/** Readers that give `worker` to the read and keep no spare. */
const only = (worker: ReaderWorker): Readers => ({
  take: () => worker,
  end: (taken) => taken.terminate(),
});

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
      readers: only(worker),
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
      readers: only(worker),
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

  it('posts a File itself, and passes on the loading the worker tells', async () => {
    const chosen = new File([new Uint8Array(10)], 'list.csv');
    const worker = fakeWorker();
    const seen: ReadProgress[] = [];
    const reading = readFileInWorker(chosen, {
      readers: only(worker),
      onProgress: (progress) => seen.push(progress),
    });
    await settle();
    // The worker reads the file: the page sent it the File, not its bytes.
    expect((worker.posted[0] as { file: unknown }).file).toBe(chosen);
    worker.say({ type: 'progress', progress: { phase: 'loading', bytes: 4, total: 10 } });
    worker.say({ type: 'progress', progress: { phase: 'loading', bytes: 10, total: 10 } });
    worker.say({ type: 'progress', progress: { phase: 'reading', rows: 1 } });
    worker.say({ type: 'done', outcome: { ok: false, failure: { code: 'empty', name: 'x' } } });
    await reading;
    expect(seen).toEqual([
      { phase: 'loading', bytes: 4, total: 10 },
      { phase: 'loading', bytes: 10, total: 10 },
      { phase: 'reading', rows: 1 },
    ]);
  });

  it('stopped while the worker loads the file, it ends the worker and comes to nothing', async () => {
    const worker = fakeWorker();
    const stop = new AbortController();
    const reading = readFileInWorker(new File([new Uint8Array(10)], 'list.csv'), {
      readers: only(worker),
      signal: stop.signal,
      onProgress: () => stop.abort(),
    });
    await settle();
    worker.say({ type: 'progress', progress: { phase: 'loading', bytes: 4, total: 10 } });
    expect(await reading).toBeNull();
    expect(worker.ended).toBe(true);
  });

  it('refuses a File over the size limit before giving it to a worker', async () => {
    let taken = false;
    const outcome = await readFileInWorker(new File([new Uint8Array(20)], 'big.csv'), {
      limits: { maxBytes: 10, timeLimitMs: 1000 },
      readers: { take: () => ((taken = true), fakeWorker()), end: () => {} },
    });
    expect(taken).toBe(false);
    expect(outcome).toEqual({
      ok: false,
      failure: { code: 'too-large', name: 'big.csv', limit: 10 },
    });
  });

  it('stopped, it ends the worker and comes to nothing', async () => {
    const worker = fakeWorker();
    const stop = new AbortController();
    const reading = readFileInWorker(file(10), { readers: only(worker), signal: stop.signal });
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
        pieceCounts: [1],
        shifts: [PIECE_SHIFT],
        units: 10 * MIB,
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
      readers: only(worker),
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
        readers: only(worker),
        heap: () => ({ limit: 230 * MIB + HEAP_RESERVE_BYTES, used }),
      });
      await settle();
      worker.say({ type: 'piece', text: 'x'.repeat(10 * MIB) });
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

  it("says a reader whose pieces of text are not the sheets' own failed, and shows no sheet", async () => {
    for (const pieces of [[], ['x', 'y']]) {
      const worker = fakeWorker();
      const reading = readFileInWorker(file(10), { readers: only(worker) });
      await settle();
      for (const text of pieces) worker.say({ type: 'piece', text });
      worker.say({ type: 'done', outcome: sheet });
      expect(await reading).toMatchObject({ ok: false, failure: { code: 'reader-error' } });
    }
  });

  it("says a worker's out-of-memory error as too large for memory", async () => {
    const worker = fakeWorker();
    const reading = readFileInWorker(file(10), { readers: only(worker) });
    await settle();
    worker.onerror?.({ message: 'Uncaught out of memory' } as ErrorEvent);
    expect(await reading).toEqual({
      ok: false,
      failure: { code: 'too-large-for-memory', name: 'list.csv' },
    });
    expect(worker.ended).toBe(true);
  });
});

describe("a spare reader started ahead (issue 16: the worker's script loaded before the drop)", () => {
  /** Readers over fake workers, each worker started kept in `started`. */
  function fakeReaders() {
    const started: FakeWorker[] = [];
    const readers = spareReaders(() => {
      const worker = fakeWorker();
      started.push(worker);
      return worker;
    });
    return { readers, started };
  }
  const empty: WorkerMessage = {
    type: 'done',
    outcome: { ok: false, failure: { code: 'empty', name: 'x' } },
  };
  /** Reads `list.csv` through `readers`, its worker answering at once. */
  async function readOnce(readers: Readers): Promise<FakeWorker> {
    let given: FakeWorker | null = null;
    const reading = readFileInWorker(file(10), {
      readers: {
        take: () => (given = readers.take() as FakeWorker),
        end: (worker) => readers.end(worker),
      },
    });
    await settle();
    given!.say(empty);
    await reading;
    return given!;
  }

  it('gives the read the spare started before it, and no other', async () => {
    const { readers, started } = fakeReaders();
    readers.prepare();
    readers.prepare();
    expect(started).toHaveLength(1);
    const used = await readOnce(readers);
    expect(used).toBe(started[0]);
    expect(started).toHaveLength(1);
    expect(used.posted).toHaveLength(1);
    expect(used.ended).toBe(true);
  });

  it('starts no spare when a read is over, and one when a file is likely next', async () => {
    const { readers, started } = fakeReaders();
    readers.prepare();
    await readOnce(readers);
    await settle();
    // Its script's compiling would take a core from the person's first steps on the preview.
    expect(started).toHaveLength(1);
    readers.prepare();
    expect(started).toHaveLength(2);
    const spare = started[1]!;
    expect(spare.posted).toEqual([]);
    expect(spare.ended).toBe(false);
    expect(await readOnce(readers)).toBe(spare);
  });

  it('starts no spare while a read is under way, and one once it is over', async () => {
    const { readers, started } = fakeReaders();
    readers.prepare();
    const reading = readFileInWorker(file(10), { readers });
    await settle();
    readers.prepare();
    expect(started).toHaveLength(1);
    started[0]!.say(empty);
    await reading;
    readers.prepare();
    expect(started).toHaveLength(2);
    expect(started[1]!.posted).toEqual([]);
  });

  it('never gives a worker two files, one read after another or two at once', async () => {
    const { readers, started } = fakeReaders();
    readers.prepare();
    for (let round = 0; round < 3; round += 1) {
      await readOnce(readers);
      readers.prepare();
    }
    const first = readFileInWorker(file(10), { readers });
    const second = readFileInWorker(file(10), { readers });
    await settle();
    for (const worker of started.filter((worker) => !worker.ended)) worker.say(empty);
    await Promise.all([first, second]);
    readers.prepare();
    expect(started.length).toBeGreaterThanOrEqual(5);
    for (const worker of started) expect(worker.posted.length).toBeLessThanOrEqual(1);
    for (const worker of started.slice(0, -1)) expect(worker.ended).toBe(true);
    expect(started.at(-1)!.posted).toEqual([]);
  });

  it('does not reuse a spare that failed while it waited', async () => {
    const { readers, started } = fakeReaders();
    readers.prepare();
    const failed = started[0]!;
    failed.onerror?.({ message: '' } as ErrorEvent);
    expect(failed.ended).toBe(true);
    const used = await readOnce(readers);
    expect(used).not.toBe(failed);
    expect(failed.posted).toEqual([]);
  });

  it('ends the worker of a stopped or timed-out read, and reads the next file with a fresh one', async () => {
    const { readers, started } = fakeReaders();
    readers.prepare();
    const stop = new AbortController();
    const stopped = readFileInWorker(file(10), { readers, signal: stop.signal });
    await settle();
    stop.abort();
    expect(await stopped).toBeNull();
    const slow = readFileInWorker(file(10), {
      readers,
      limits: { maxBytes: 100, timeLimitMs: 5 },
    });
    expect((await slow)?.ok).toBe(false);
    readers.prepare();
    expect(started.slice(0, 2).map((worker) => worker.ended)).toEqual([true, true]);
    expect(await readOnce(readers)).toBe(started[2]);
  });
});
